package cn.gov.shanwei.enforcement.domain.subject;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions and enforcement subjects (执法主体库) and the jurisdiction between them: a subject handles cases in
 * its own region and the regions below it; a supervisory subject supervises every subject of its region and
 * below (行政执法监督 by level).
 */
public final class SubjectDirectory {

    private final Map<RegionCode, Region> regions = new HashMap<>();
    private final Map<SubjectId, EnforcementSubject> subjects = new HashMap<>();

    /** A directory of the given regions and subjects; every subject's region and every parent must be known. */
    public SubjectDirectory(Collection<Region> regions, Collection<EnforcementSubject> subjects) {
        regions.forEach(r -> this.regions.put(r.code(), r));
        for (Region r : regions) {
            if (r.parent() != null && !this.regions.containsKey(r.parent())) {
                throw new IllegalArgumentException(r.name() + ": unknown parent area " + r.parent());
            }
        }
        for (EnforcementSubject s : subjects) {
            if (!this.regions.containsKey(s.region())) {
                throw new IllegalArgumentException(s.name() + ": unknown area " + s.region());
            }
            this.subjects.put(s.id(), s);
        }
    }

    /** The subject with {@code id}, if known. */
    public Optional<EnforcementSubject> subject(SubjectId id) {
        return Optional.ofNullable(subjects.get(id));
    }

    /** The area with {@code code}, if known. */
    public Optional<Region> region(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** The level of a subject: the level of its area. */
    public SubjectLevel levelOf(EnforcementSubject subject) {
        return regions.get(subject.region()).level();
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    public boolean isWithin(RegionCode inner, RegionCode outer) {
        RegionCode c = inner;
        while (c != null) {
            if (c.equals(outer)) {
                return true;
            }
            Region r = regions.get(c);
            c = r == null ? null : r.parent();
        }
        return false;
    }

    /**
     * Why {@code subject} may not handle a case of {@code domain} in {@code place}, or empty if it may.
     */
    public Optional<String> refusalToHandle(EnforcementSubject subject, EnforcementDomain domain, RegionCode place) {
        if (!subject.domains().contains(domain)) {
            return Optional.of(subject.name() + " has no enforcement power in " + domain);
        }
        if (!isWithin(place, subject.region())) {
            return Optional.of(place + " is outside the jurisdiction of " + subject.name());
        }
        return Optional.empty();
    }

    /** Whether {@code supervisor} supervises {@code subject}: it is supervisory and the subject is in its area. */
    public boolean supervises(EnforcementSubject supervisor, EnforcementSubject subject) {
        return supervisor.supervisory() && isWithin(subject.region(), supervisor.region());
    }

    /** Every subject that {@code supervisor} supervises. */
    public List<EnforcementSubject> supervisedBy(EnforcementSubject supervisor) {
        return subjects.values().stream().filter(s -> supervises(supervisor, s)).toList();
    }
}
