package cn.gov.shanwei.enforcement.routes.monitoring;

/** How a provincial call ended, as written in its monitoring record. */
public enum CallOutcome {
    /** The provider answered and the answer was used. */
    SUCCESS,
    /** The provider answered with a business fault or an answer that broke the contract. */
    PROVIDER_FAILED,
    /** The provider could not be reached or did not answer in time, after every allowed attempt. */
    UNAVAILABLE,
    /** The circuit breaker or bulkhead refused the call: nothing was sent. */
    REJECTED_LOCALLY,
    /** A read-only answer the hub still held fresh was served: nothing was sent (ADR 0305). */
    SERVED_FROM_CACHE
}
