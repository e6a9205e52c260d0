package cn.gov.shanwei.enforcement.sdk.webhook;

/**
 * A callback failed verification; answer it with HTTP 401 and do not act on it. Separate from
 * {@link cn.gov.shanwei.enforcement.sdk.errors.HubException} because no call to the hub failed.
 */
public class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a callback was refused. */
    public enum Reason {
        /** A signature header is absent or malformed. */
        MALFORMED,
        /** The timestamp is outside the accepted window (too old, or too far in the future). */
        STALE,
        /** The signature does not match: wrong secret, or the request was altered. */
        BAD_SIGNATURE,
        /** This nonce was already accepted within the window: a replay. */
        REPLAYED
    }

    private final Reason reason;

    /** Creates the exception. */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the callback was refused. */
    public Reason reason() {
        return reason;
    }
}
