package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * HTTP 409: the request conflicts with the resource's current state or with a concurrent request under the
 * same idempotency key. Retried by the SDK's retry policy before it reaches you.
 */
public class ConflictException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with status 409. */
    public ConflictException(String message, String errorCode, String requestId) {
        super(message, 409, errorCode, requestId, null);
    }
}
