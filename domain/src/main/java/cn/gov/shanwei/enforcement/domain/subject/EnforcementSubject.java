package cn.gov.shanwei.enforcement.domain.subject;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.util.Objects;
import java.util.Set;

/**
 * An enforcement subject (执法主体): a body with its own power to enforce in its region.
 *
 * @param id          its identifier
 * @param name        e.g. 海丰县市场监督管理局
 * @param region      the area it acts in
 * @param domains     the enforcement domains of its powers
 * @param supervisory whether it supervises enforcement (司法行政部门, 行政执法监督)
 */
public record EnforcementSubject(SubjectId id, String name, RegionCode region, Set<EnforcementDomain> domains,
                                 boolean supervisory) {
    public EnforcementSubject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        domains = Set.copyOf(domains);
    }
}
