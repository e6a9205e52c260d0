package cn.gov.shanwei.enforcement.sdk.exchange;

/** Where a push stands. */
public enum PushState {
    /** Accepted by the hub, waiting for (or retrying) its delivery to the province. */
    PENDING,
    /** Delivered: every record has the province's answer, none refused. */
    DELIVERED,
    /** At least one record was refused by the province (final: push a corrected new version). */
    REFUSED
}
