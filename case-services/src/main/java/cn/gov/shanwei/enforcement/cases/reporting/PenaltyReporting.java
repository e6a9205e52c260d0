package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

/**
 * Port: a reportable step of a 行政处罚 case was taken (decision, service, change; see {@link PenaltyReport}), so the
 * province's big-data centre must receive the record, and a served decision must be published (双公示) or a changed
 * one withdrawn. Called inside the transaction that records the step; an implementation must only hand the work
 * over durably in that same transaction (the app writes it to the outbox), never call a provider.
 */
@FunctionalInterface
public interface PenaltyReporting {

    /** No exchange (case-services alone, tests): nothing is reported. */
    PenaltyReporting NONE = (report, by) -> { };

    /**
     * Hands over one report, once per case event (a repeat is a no-op), in the name of the officer whose step it
     * reports: the provincial calls carry {@code by} in their call context.
     *
     * @param report the step to report
     * @param by     the officer who took the step
     * @throws RuntimeException if it cannot be handed over: the step is then not recorded either
     */
    void report(PenaltyReport report, OfficerId by);
}
