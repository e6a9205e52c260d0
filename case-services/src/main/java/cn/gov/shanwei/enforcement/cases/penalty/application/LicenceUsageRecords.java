package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.call.CallContext;

/**
 * Where a licence's use in a case is reported back to the licence service (用证记录). Told inside the transaction of
 * the step that used the licence; the application implements it with the durable outbox, so the record is sent
 * exactly once after that transaction commits and never if it rolls back.
 */
@FunctionalInterface
public interface LicenceUsageRecords {

    /**
     * @param licenceId   the licence used
     * @param matterName  the enforcement matter's name (事项名称)
     * @param officerName the officer who used it
     * @param purpose     what it was used for, in words
     * @param context     the call context: case number, matter code and officer are required; its idempotency key
     *                    makes a repeated record harmless
     */
    void record(String licenceId, String matterName, String officerName, String purpose, CallContext context);
}
