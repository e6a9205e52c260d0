package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * HTTP 401: the hub did not accept the credentials or the request signature (wrong client id or secret,
 * clock skew, reused nonce). Retrying will not help.
 */
public class AuthenticationException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with status 401. */
    public AuthenticationException(String message, String errorCode, String requestId) {
        super(message, 401, errorCode, requestId, null);
    }
}
