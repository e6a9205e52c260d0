package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.deadline.ProcedureRuleTable;

import java.util.Objects;
import java.util.Set;

/**
 * The configurable thresholds of the penalty procedure. The law leaves "large" to the province or ministry, so
 * these are configuration, not code.
 *
 * @param summaryLimit         the largest on-the-spot fine (行政处罚法 art. 51: 200 yuan person / 3,000 organisation)
 * @param hearingRight         fines from which the party may request a hearing (art. 63)
 * @param legalReview          fines from which 法制审核 is required (art. 58(4), local rule)
 * @param collectiveDiscussion fines from which the heads must discuss collectively (art. 57(2))
 * @param legalReviewForAll    whether every general-procedure decision needs legal review (a stricter local rule)
 * @param procedures           filing and decision periods per domain
 * @param hearingRights        the hearing right for confiscations and heavy non-fine penalties (art. 63)
 * @param statementWorkingDays working days the party has to state and defend when there is no hearing right, before
 *                             a penalty may be decided (0: no waiting period configured)
 */
public record PenaltyRules(FineThreshold summaryLimit, FineThreshold hearingRight, FineThreshold legalReview,
                           FineThreshold collectiveDiscussion, boolean legalReviewForAll,
                           ProcedureRuleTable procedures, HearingRights hearingRights, int statementWorkingDays) {

    public PenaltyRules {
        Objects.requireNonNull(summaryLimit, "summaryLimit");
        Objects.requireNonNull(hearingRight, "hearingRight");
        Objects.requireNonNull(legalReview, "legalReview");
        Objects.requireNonNull(collectiveDiscussion, "collectiveDiscussion");
        Objects.requireNonNull(procedures, "procedures");
        Objects.requireNonNull(hearingRights, "hearingRights");
        if (statementWorkingDays < 0) {
            throw new IllegalArgumentException("the statement period cannot be negative");
        }
    }

    /**
     * The rules as first published: the standard hearing rights for confiscations and heavy penalties (confiscation
     * from the fine threshold) and no statement period.
     */
    public PenaltyRules(FineThreshold summaryLimit, FineThreshold hearingRight, FineThreshold legalReview,
                        FineThreshold collectiveDiscussion, boolean legalReviewForAll, ProcedureRuleTable procedures) {
        this(summaryLimit, hearingRight, legalReview, collectiveDiscussion, legalReviewForAll, procedures,
                HearingRights.standard(hearingRight), 0);
    }

    /**
     * Defaults: summary ≤ 200 / 3,000 yuan (art. 51); hearing, legal review and collective discussion from
     * 10,000 yuan for a person and 100,000 yuan for an organisation (the market-supervision hearing rule).
     */
    public static PenaltyRules defaults() {
        FineThreshold large = new FineThreshold(1_000_000L, 10_000_000L);
        return new PenaltyRules(new FineThreshold(20_000L, 300_000L), large, large, large, false,
                ProcedureRuleTable.standard());
    }

    /** These rules with another legal-review threshold. */
    public PenaltyRules withLegalReview(FineThreshold threshold) {
        return new PenaltyRules(summaryLimit, hearingRight, threshold, collectiveDiscussion, legalReviewForAll,
                procedures, hearingRights, statementWorkingDays);
    }

    /** These rules with other hearing rights for confiscations and non-fine penalties. */
    public PenaltyRules withHearingRights(FineThreshold confiscation, Set<PenaltyKind> kinds) {
        return new PenaltyRules(summaryLimit, hearingRight, legalReview, collectiveDiscussion, legalReviewForAll,
                procedures, new HearingRights(confiscation, kinds), statementWorkingDays);
    }

    /**
     * These rules with a statement-and-defence period of {@code workingDays} (e.g. 5 in market supervision) during
     * which no penalty is decided unless the party has finished its statement.
     */
    public PenaltyRules withStatementPeriod(int workingDays) {
        return new PenaltyRules(summaryLimit, hearingRight, legalReview, collectiveDiscussion, legalReviewForAll,
                procedures, hearingRights, workingDays);
    }
}
