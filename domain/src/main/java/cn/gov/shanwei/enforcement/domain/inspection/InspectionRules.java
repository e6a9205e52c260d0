package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.matter.MatterCode;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configurable rules of 行政检查 (国办发〔2024〕54号 leaves the numbers to higher authorities and local rules).
 *
 * @param defaultYearlyLimit  inspections of one entity for one item per calendar year, unless the item has its own
 * @param yearlyLimitByItem   per-item limits
 * @param exemptFromLimit     origins that do not count towards, nor are stopped by, the yearly limit
 * @param priorApprovalRequired whether every inspection needs the head's approval before it is carried out
 */
public record InspectionRules(int defaultYearlyLimit, Map<MatterCode, Integer> yearlyLimitByItem,
                              Set<InspectionOrigin> exemptFromLimit, boolean priorApprovalRequired) {

    public InspectionRules {
        yearlyLimitByItem = Map.copyOf(yearlyLimitByItem);
        exemptFromLimit = Set.copyOf(Objects.requireNonNull(exemptFromLimit, "exemptFromLimit"));
        if (defaultYearlyLimit < 1 || yearlyLimitByItem.values().stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("a yearly limit is at least 1");
        }
    }

    /**
     * Defaults until the city sets its own: one inspection per entity per item per year; inspections prompted by a
     * complaint, a referral or data monitoring are outside the limit; the head approves every inspection.
     */
    public static InspectionRules defaults() {
        return new InspectionRules(1, Map.of(), EnumSet.of(InspectionOrigin.COMPLAINT, InspectionOrigin.REFERRAL,
                InspectionOrigin.DATA_MONITORING), true);
    }

    /** The yearly limit for {@code item}. */
    public int yearlyLimit(MatterCode item) {
        return yearlyLimitByItem.getOrDefault(item, defaultYearlyLimit);
    }

    /** Whether an inspection of {@code origin} counts towards the yearly limit. */
    public boolean counts(InspectionOrigin origin) {
        return !exemptFromLimit.contains(origin);
    }

    /** These rules with a limit for {@code item}. */
    public InspectionRules withYearlyLimit(MatterCode item, int limit) {
        Map<MatterCode, Integer> copy = new HashMap<>(yearlyLimitByItem);
        copy.put(item, limit);
        return new InspectionRules(defaultYearlyLimit, copy, exemptFromLimit, priorApprovalRequired);
    }
}
