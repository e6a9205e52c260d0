package cn.gov.shanwei.enforcement.sdk.exchange;

/** What became of one pushed record. */
public enum RecordStatus {
    /** Waiting for its delivery. */
    PENDING,
    /** Stored by the province. */
    ACCEPTED,
    /** The province already held this version with the same content: nothing changed. */
    DUPLICATE,
    /** Refused by the province; see the code. Final. */
    REJECTED,
    /** Handed to the province's collector (file or database exchange), not yet answered. */
    HANDED_OVER
}
