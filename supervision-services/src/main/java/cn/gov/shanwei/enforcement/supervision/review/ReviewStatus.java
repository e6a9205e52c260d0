package cn.gov.shanwei.enforcement.supervision.review;

/** Where a case-file review stands. */
public enum ReviewStatus {
    /** Assigned to a reviewer, not yet scored. */
    ASSIGNED,
    /** Scored; no rectification asked yet. */
    SCORED,
    /** Rectification (整改) requested from the reviewed subject. */
    RECTIFICATION_REQUESTED,
    /** The subject reported its rectification; awaiting verification. */
    RECTIFICATION_SUBMITTED,
    /** Finished: no rectification needed, or the rectification was verified. */
    CLOSED
}
