package cn.gov.shanwei.enforcement.routes.durable;

/**
 * The durable state of every accepted side effect, keyed by its idempotency key (a UNIQUE key: stack trap 6). The
 * consumer asks it before each attempt and tells it each outcome; every method commits on its own, before the
 * provider is called or the message is acknowledged, so a crash at any point leaves a state that says what to do.
 * Implemented by the application over the outbox table.
 */
public interface DeliveryLedger {

    /**
     * Claims the next attempt: counts it and returns what was known before it.
     *
     * @throws UnknownDurableCallException if the ledger has no such call
     */
    Claim claim(String idempotencyKey);

    /** The effect exists at the provider; the call is settled and its successors of the same case may go. */
    void completed(String idempotencyKey, String providerReference, boolean reconciled);

    /**
     * The attempt failed. A permanent failure (the provider refused) is not sent again.
     */
    void failed(String idempotencyKey, String error, boolean permanent);

    /** What the ledger knew when an attempt was claimed. */
    enum State {
        /** Never attempted: send it. */
        FIRST_ATTEMPT,
        /** Attempted before with an unknown or failed outcome: reconcile (if the provider cannot dedupe), then send. */
        RETRY,
        /** Done, or discarded by ops: acknowledge without calling anybody. */
        SETTLED,
        /** The provider refused it before: do not send again; the message goes to the dead-letter queue. */
        REJECTED
    }

    /**
     * @param state         what to do with this delivery
     * @param attemptNumber the attempt being made (1-based), as the ledger counted it
     */
    record Claim(State state, int attemptNumber) {
    }
}
