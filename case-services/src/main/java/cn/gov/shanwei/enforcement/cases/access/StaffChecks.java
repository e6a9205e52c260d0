package cn.gov.shanwei.enforcement.cases.access;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.time.LocalDate;

/** The checks every case command makes of the acting member of staff, whatever the procedure. */
public final class StaffChecks {

    private StaffChecks() {
    }

    /** Refuses an actor without {@code role}. */
    public static void require(Actor actor, StaffRole role, String action) {
        if (!actor.has(role)) {
            throw CaseAccessDeniedException.roleRequired(role, action);
        }
    }

    /** Refuses an actor whose certificate does not cover {@code domain} on {@code today} (行政处罚法 art. 42). */
    public static void certificate(Actor actor, EnforcementDomain domain, LocalDate today) {
        actor.officer().refusal(domain, today).ifPresent(reason -> {
            throw new CertificateRefusedException(reason);
        });
    }
}
