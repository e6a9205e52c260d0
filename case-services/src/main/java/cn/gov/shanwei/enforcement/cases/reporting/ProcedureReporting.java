package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

/**
 * Port: a reportable step of a 行政强制措施 (决定, 延长, 解除, 处理) or a 行政检查 (检查结果) was taken, so the province's
 * big-data centre must receive the procedure's record (粤司函〔2021〕467号, ADR 0514). Called inside the transaction that
 * records the step; an implementation must only hand the work over durably in that same transaction (the app writes
 * it to the outbox), never call a provider.
 */
@FunctionalInterface
public interface ProcedureReporting {

    /** No exchange (case-services alone, tests): nothing is reported. */
    ProcedureReporting NONE = (report, by) -> { };

    /**
     * Hands over one report, once per procedure event (a repeat is a no-op), in the name of the officer whose step
     * it reports: the provincial call carries {@code by} in its call context.
     *
     * @param report the step to report
     * @param by     the officer who took the step
     * @throws RuntimeException if it cannot be handed over: the step is then not recorded either
     */
    void report(ProcedureReport report, OfficerId by);
}
