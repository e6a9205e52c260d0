package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectLevel;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registries supervision reads beside the case events: the regions and subjects (执法主体库) and the officers
 * with their certificates (执法人员库). It answers the jurisdiction questions of supervision: which subjects a
 * supervisor watches, and which county a subject counts under.
 */
public final class SupervisionRegistry {

    private final SubjectDirectory directory;
    private final Map<SubjectId, EnforcementSubject> subjects = new LinkedHashMap<>();
    private final Map<OfficerId, Officer> officers = new LinkedHashMap<>();
    private final Region city;

    /**
     * @param regions  every region, the city first or anywhere; exactly one city
     * @param subjects every subject
     * @param officers every officer
     */
    public SupervisionRegistry(Collection<Region> regions, Collection<EnforcementSubject> subjects,
                               Collection<Officer> officers) {
        this.directory = new SubjectDirectory(regions, subjects);
        List<Region> cities = regions.stream().filter(r -> r.level() == SubjectLevel.CITY).toList();
        if (cities.size() != 1) {
            throw new IllegalArgumentException("exactly one city region expected, found " + cities.size());
        }
        this.city = cities.get(0);
        subjects.stream().sorted(Comparator.comparing(s -> s.id().value()))
                .forEach(s -> this.subjects.put(s.id(), s));
        officers.forEach(o -> this.officers.put(o.id(), o));
    }

    /** The domain's directory (jurisdiction rules). */
    public SubjectDirectory directory() {
        return directory;
    }

    /** The city region. */
    public Region city() {
        return city;
    }

    /** Every subject, by id. */
    public List<EnforcementSubject> subjects() {
        return List.copyOf(subjects.values());
    }

    /** The subject with {@code id}, if known. */
    public Optional<EnforcementSubject> subject(SubjectId id) {
        return Optional.ofNullable(subjects.get(id));
    }

    /** The officer with {@code id}, if known. */
    public Optional<Officer> officer(OfficerId id) {
        return Optional.ofNullable(officers.get(id));
    }

    /** Every officer. */
    public List<Officer> officers() {
        return List.copyOf(officers.values());
    }

    /**
     * The supervisory subject {@code id} (e.g. a 司法局).
     *
     * @throws DomainValidationException when it is unknown or does not supervise
     */
    public EnforcementSubject supervisor(SubjectId id) {
        EnforcementSubject s = subjects.get(id);
        if (s == null) {
            throw new DomainValidationException("supervisor", "'" + id + "' is not a known subject");
        }
        if (!s.supervisory()) {
            throw new DomainValidationException("supervisor", s.name() + " is not a supervisory subject (行政执法监督机关)");
        }
        return s;
    }

    /** Whether {@code supervisor} watches the cases of {@code subject}: the subject is in its region or below. */
    public boolean watches(EnforcementSubject supervisor, SubjectId subject) {
        EnforcementSubject s = subjects.get(subject);
        return s != null && directory.supervises(supervisor, s);
    }

    /**
     * The county-level group a subject counts under: its county, or the city-level group (市直) for subjects of
     * the city itself.
     */
    public CountyGroup countyOf(SubjectId subject) {
        EnforcementSubject s = subjects.get(subject);
        if (s == null) {
            return CountyGroup.unknown();
        }
        RegionCode c = s.region();
        while (c != null) {
            Region r = directory.region(c).orElseThrow();
            if (r.level() == SubjectLevel.COUNTY) {
                return new CountyGroup(r.code().value(), r.name());
            }
            if (r.level() == SubjectLevel.CITY) {
                return CountyGroup.cityLevel(r);
            }
            c = r.parent();
        }
        return CountyGroup.unknown();
    }
}
