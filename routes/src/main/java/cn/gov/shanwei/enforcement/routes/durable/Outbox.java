package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.domain.call.CallContext;

/**
 * Where a use case hands over a side effect for a provincial provider (flow 2, transactional outbox). The entry is
 * written in the caller's database transaction, so it exists if and only if the use case's own change committed;
 * the hub then delivers it durably, in order per case, at most once per idempotency key.
 *
 * <pre>{@code
 * @Transactional
 * public void serveDecision(...) {
 *     decisions.save(decision);                              // the state change
 *     outbox.enqueue(PAYMENT_NOTICE, decision.number(), json, context);   // the side effect, same transaction
 * }
 * }</pre>
 */
public interface Outbox {

    /**
     * Accepts a side effect in the caller's transaction.
     *
     * @param operation   a durable operation the hub has a handler for
     * @param businessKey our key for the effect at the provider (1-128 characters), asked by reconcile-before-retry
     * @param payload     the operation's input, JSON by convention (at most {@link #MAX_PAYLOAD_CHARS} characters)
     * @param context     {@link CallContext#idempotencyKey()} identifies the effect (enqueueing the same key again
     *                    with the same content is a no-op); {@link CallContext#caseNumber()} orders the effects of a
     *                    case
     * @return the outbox entry's id
     * @throws OutboxRejectedException if the input is unusable, the operation has no handler, the key was used for
     *                                 different content, or no transaction is active; nothing is written then
     */
    long enqueue(ProviderOperation operation, String businessKey, String payload, CallContext context);

    /** Largest payload accepted. */
    int MAX_PAYLOAD_CHARS = 65_536;
}
