package cn.gov.shanwei.enforcement.cases.access;

import cn.gov.shanwei.enforcement.domain.officer.Officer;

import java.util.Objects;
import java.util.Set;

/**
 * The member of staff on whose behalf a request runs: the officer record from the registry and its roles, and how
 * the request was authenticated (for the record).
 *
 * @param officer the officer (执法人员) record, with subject and certificate
 * @param roles   the staff roles
 * @param via     how the request was authenticated, e.g. {@code bearer} or {@code client:sandbox-demo}
 */
public record Actor(Officer officer, Set<StaffRole> roles, String via) {

    public Actor {
        Objects.requireNonNull(officer, "officer");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(via, "via");
    }

    /** Whether the actor holds {@code role}. */
    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
