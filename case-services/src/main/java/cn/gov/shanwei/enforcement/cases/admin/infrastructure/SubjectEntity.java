package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An enforcement subject (执法主体) row. */
@Entity
@Table(name = "case_subject")
public class SubjectEntity {

    @Id
    private String id;
    private String name;
    @Column(name = "region_code")
    private String regionCode;
    private String domains;
    private boolean supervisory;
    @Version
    private long version;

    protected SubjectEntity() {
    }

    /** A row for {@code subject}. */
    public SubjectEntity(EnforcementSubject subject) {
        this.id = subject.id().value();
        update(subject);
    }

    /** Replaces name, area, domains and the supervisory flag. */
    public final void update(EnforcementSubject subject) {
        this.name = subject.name();
        this.regionCode = subject.region().value();
        this.domains = joinDomains(subject.domains());
        this.supervisory = subject.supervisory();
    }

    /** The subject as the domain knows it. */
    public EnforcementSubject toDomain() {
        return new EnforcementSubject(new SubjectId(id), name, new RegionCode(regionCode), splitDomains(domains),
                supervisory);
    }

    /** The optimistic-locking version. */
    public long version() {
        return version;
    }

    /** The domains as stored: codes, sorted, comma-separated. */
    public static String joinDomains(Set<EnforcementDomain> domains) {
        return domains.stream().map(EnforcementDomain::code).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    static Set<EnforcementDomain> splitDomains(String joined) {
        return joined.isEmpty() ? Set.of() : Arrays.stream(joined.split(",")).map(EnforcementDomain::new)
                .collect(Collectors.toSet());
    }
}
