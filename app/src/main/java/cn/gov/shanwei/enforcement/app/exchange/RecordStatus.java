package cn.gov.shanwei.enforcement.app.exchange;

/** What became of one pushed record, as the hub tracks it. */
public enum RecordStatus {
    /** Waiting for its durable push. */
    PENDING,
    /** Stored by the exchange (service mode) or marked accepted by the province's collector (front-db mode). */
    ACCEPTED,
    /** The exchange already held this version with the same content: nothing changed. */
    DUPLICATE,
    /** Refused by the exchange or its collector: a final answer; push a corrected new version. */
    REJECTED,
    /** Written for the province's collector (file or front-db mode), not yet answered. */
    HANDED_OVER
}
