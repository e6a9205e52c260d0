package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Objects;

/**
 * An inbound payment callback was refused before anything was recorded: answer it with HTTP 401 (signature,
 * window) or 400 (malformed) and log it; a genuine provider will resend a well-formed, freshly signed callback.
 */
public class PaymentCallbackRejectedException extends RuntimeException {

    /** Why the callback was refused. */
    public enum Reason {
        /** A signature header is missing or malformed. */
        MISSING_SIGNATURE,
        /** The timestamp is outside the accepted window (a replay or a badly wrong clock). */
        OUTSIDE_WINDOW,
        /** The signature does not match the body: forged or altered. */
        BAD_SIGNATURE,
        /** Signed correctly, but the body breaks the callback contract. */
        MALFORMED_BODY
    }

    private final Reason reason;

    public PaymentCallbackRejectedException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    /** Why the callback was refused. */
    public Reason reason() {
        return reason;
    }
}
