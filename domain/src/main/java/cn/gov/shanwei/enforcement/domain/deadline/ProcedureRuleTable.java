package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.util.Map;
import java.util.Objects;

/**
 * The procedure periods keyed by enforcement domain, with a fallback for domains without their own rule.
 * Configuration (case-services) builds it; the domain only reads it.
 */
public final class ProcedureRuleTable {

    private final Map<EnforcementDomain, ProcedureRules> byDomain;
    private final ProcedureRules fallback;

    public ProcedureRuleTable(Map<EnforcementDomain, ProcedureRules> byDomain, ProcedureRules fallback) {
        this.byDomain = Map.copyOf(byDomain);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The table the law gives without local configuration: market supervision's rule, general elsewhere. */
    public static ProcedureRuleTable standard() {
        return new ProcedureRuleTable(Map.of(EnforcementDomain.MARKET_SUPERVISION, ProcedureRules.MARKET_SUPERVISION),
                ProcedureRules.GENERAL);
    }

    /** The rules of {@code domain}, or the fallback. */
    public ProcedureRules rulesFor(EnforcementDomain domain) {
        return byDomain.getOrDefault(domain, fallback);
    }
}
