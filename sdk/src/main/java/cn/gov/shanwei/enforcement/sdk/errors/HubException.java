package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * Root of every exception the SDK throws for a failed hub call. Unchecked.
 *
 * <p>Catch a subclass to react to one kind of failure, or this class to handle them all. Every instance
 * carries the HTTP status ({@code 0} when the hub never answered), the hub's stable error code and the
 * request id to quote when asking the hub's operators.
 */
public abstract class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String requestId;

    /**
     * @param message   human-readable description
     * @param status    HTTP status, {@code 0} when there was no HTTP answer
     * @param errorCode the hub's error code such as {@code VALIDATION_FAILED}, or an SDK code; may be {@code null}
     * @param requestId the {@code X-Request-Id} of the call; may be {@code null}
     * @param cause     underlying cause; may be {@code null}
     */
    protected HubException(String message, int status, String errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** The HTTP status of the hub's answer, or {@code 0} when there was none. */
    public int status() {
        return status;
    }

    /** The hub's stable error code (for example {@code RATE_LIMITED}), or {@code null} when unknown. */
    public String errorCode() {
        return errorCode;
    }

    /** The request id of the call ({@code X-Request-Id}), to quote in support requests; may be {@code null}. */
    public String requestId() {
        return requestId;
    }
}
