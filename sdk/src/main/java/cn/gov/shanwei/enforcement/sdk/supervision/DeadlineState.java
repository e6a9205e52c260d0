package cn.gov.shanwei.enforcement.sdk.supervision;

/** Where a step stands against its deadline on the day asked about (正常 / 临期 / 超期 / 暂停计时). */
public enum DeadlineState {
    /** More time is left than the due-soon window. */
    ON_TIME,
    /** The due date is within the due-soon window (or today). */
    DUE_SOON,
    /** The due date has passed. */
    OVERDUE,
    /** The clock is stopped (中止) and the due date is not fixed. */
    PAUSED
}
