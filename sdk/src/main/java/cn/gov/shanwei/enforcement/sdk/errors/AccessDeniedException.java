package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * HTTP 403: this calling system may not use the operation, or not for the stated purpose (matter code).
 */
public class AccessDeniedException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with status 403. */
    public AccessDeniedException(String message, String errorCode, String requestId) {
        super(message, 403, errorCode, requestId, null);
    }
}
