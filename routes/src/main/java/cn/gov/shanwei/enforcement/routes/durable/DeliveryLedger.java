package cn.gov.shanwei.enforcement.routes.durable;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Claims the next attempt of each call of a batch, committed together before any of them is sent. A key the
     * ledger does not hold is absent from the answer.
     *
     * @return the claim per key, in the order of {@code idempotencyKeys}
     */
    default Map<String, Claim> claimAll(Collection<String> idempotencyKeys) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (String key : idempotencyKeys) {
            try {
                claims.put(key, claim(key));
            } catch (UnknownDurableCallException unknown) {
                // absent from the answer
            }
        }
        return claims;
    }

    /** Stores the outcomes of a batch of attempts; returns once all of them are committed. */
    default void settleAll(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Completed done) {
                completed(done.idempotencyKey(), done.providerReference(), done.reconciled());
            } else if (outcome instanceof Failed failed) {
                failed(failed.idempotencyKey(), failed.error(), failed.permanent());
            } else {
                release(outcome.idempotencyKey());
            }
        }
    }

    /**
     * Takes back a claim whose call was never sent (its batch stopped at an earlier failure), so that the attempt is
     * not counted. This default books it as a failed attempt instead, which is safe but counts one attempt too many.
     */
    default void release(String idempotencyKey) {
        failed(idempotencyKey, "not attempted: an earlier call of its batch failed", false);
    }

    /** What became of one claimed attempt. */
    sealed interface Outcome permits Completed, Failed, Released {
        String idempotencyKey();
    }

    /** See {@link #completed}. */
    record Completed(String idempotencyKey, String providerReference, boolean reconciled) implements Outcome {
    }

    /** See {@link #failed}. */
    record Failed(String idempotencyKey, String error, boolean permanent) implements Outcome {
    }

    /**
     * See {@link #release}.
     *
     * @param reason why the call was not sent, kept as its last error where the ledger keeps one; null to keep the
     *               last error as it was
     */
    record Released(String idempotencyKey, String reason) implements Outcome {

        public Released(String idempotencyKey) {
            this(idempotencyKey, null);
        }
    }

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
