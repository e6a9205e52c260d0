package cn.gov.shanwei.enforcement.domain.deadline;

/** Where a step stands against its deadline on a given day. */
public enum DeadlineState {
    /** More time is left than the due-soon window. */
    ON_TIME,
    /** The due date is within the due-soon window (or today). */
    DUE_SOON,
    /** The due date has passed (the period ends at 24:00 of its last day). */
    OVERDUE,
    /** The clock is stopped (中止 or other excluded time) and the due date is not yet fixed. */
    PAUSED
}
