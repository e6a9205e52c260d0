package cn.gov.shanwei.enforcement.routes.monitoring;

import java.time.Instant;

/**
 * The provider's part of a call, as far as the hub saw it (X-Road's requestOutTs / responseInTs and sizes).
 *
 * @param requestOutTs  when the (last) request left the hub for the provider
 * @param responseInTs  when the provider's answer arrived, null if none did
 * @param requestBytes  size of what was sent, null if unknown
 * @param responseBytes size of what came back, null if unknown or nothing came back
 * @param status        the hub-level status of the call: for a durable side effect {@code DELIVERED},
 *                      {@code RECONCILED}, {@code REFUSED} or {@code RETRY_LATER}; for a synchronous read its
 *                      outcome ({@code SUCCESS}, {@code UNAVAILABLE}, …)
 * @param sideEffect    whether the call is a durable side effect, whose idempotency key means something; false for
 *                      a synchronous read
 */
public record ProviderLeg(Instant requestOutTs, Instant responseInTs, Long requestBytes, Long responseBytes,
                          String status, boolean sideEffect) {

    /** The leg of a durable side effect. */
    public ProviderLeg(Instant requestOutTs, Instant responseInTs, Long requestBytes, Long responseBytes,
                       String status) {
        this(requestOutTs, responseInTs, requestBytes, responseBytes, status, true);
    }

    /** The leg of a synchronous read (its last attempt). */
    public static ProviderLeg ofRead(Instant requestOutTs, Instant responseInTs, Long requestBytes,
                                     Long responseBytes, String status) {
        return new ProviderLeg(requestOutTs, responseInTs, requestBytes, responseBytes, status, false);
    }
}
