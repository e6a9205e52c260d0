package cn.gov.shanwei.enforcement.routes.durable;

/**
 * The adapter call behind one durable {@link ProviderOperation}: the only code an operation needs besides its
 * adapter. Declare one as a bean; the hub then creates the operation's queue consumer, and
 * {@code Outbox.enqueue} accepts the operation.
 *
 * <p>The machinery guarantees: {@link #execute} is called only after the use case's transaction committed; never
 * twice at once for one idempotency key; never again once it returned; and, when a resend is not safe
 * ({@link #resendIsSafe()} false: seals, payment notices), never again after an attempt whose outcome is unknown
 * (crash, timeout) unless {@link #alreadyDone} said the provider has no trace of it (reconcile before retry).
 *
 * <p>Failures: throw the adapter's {@code ProviderException}. A retryable one (transport, timeout) is retried by
 * the broker with back-off; a rejection is not sent again and the message ends in the dead-letter queue for ops.
 */
public interface DurableCallHandler {

    /** The operation this handler performs. */
    ProviderOperation operation();

    /**
     * Performs the side effect once.
     *
     * @return the provider's reference for the effect (its request or document id), or null if it gives none
     */
    String execute(DurableCall call);

    /**
     * Whether sending the same call again after an attempt with an unknown outcome is safe: the provider
     * deduplicates by {@link DurableCall#idempotencyKey()}, or a repeat is harmless by nature (e.g. a usage-log
     * entry). Then a retry simply sends again and {@link #alreadyDone} is never asked. Say false for anything a
     * repeat would double (a seal on a document, a payment notice).
     */
    boolean resendIsSafe();

    /**
     * Reconcile before retry: asks the provider, by {@link DurableCall#businessKey()}, whether an earlier attempt
     * took effect. Asked before any retry when {@link #resendIsSafe()} is false; never called otherwise.
     *
     * @return true if the effect exists at the provider (the call is then settled without sending it again)
     * @throws RuntimeException if the provider cannot tell; the call is then retried later, never sent blindly
     */
    boolean alreadyDone(DurableCall call);
}
