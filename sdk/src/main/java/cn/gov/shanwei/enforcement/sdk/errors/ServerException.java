package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * The hub failed: HTTP 5xx other than a provider outage (for example {@code INTERNAL_ERROR}), or an answer
 * the SDK cannot understand ({@link UnexpectedResponseException}).
 */
public class ServerException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Creates a server failure with the given HTTP status. */
    public ServerException(String message, int status, String errorCode, String requestId) {
        this(message, status, errorCode, requestId, null);
    }

    /** Creates a server failure with the given HTTP status and cause. */
    public ServerException(String message, int status, String errorCode, String requestId, Throwable cause) {
        super(message, status, errorCode, requestId, cause);
    }
}
