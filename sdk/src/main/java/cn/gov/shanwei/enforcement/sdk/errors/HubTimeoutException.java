package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * The call ran out of time: the last attempt got no answer within its per-attempt timeout, or the total
 * time budget of the call was used up. Earlier failed attempts are attached as suppressed exceptions.
 */
public class HubTimeoutException extends TransportException {

    private static final long serialVersionUID = 1L;

    /** Error code of timeouts; never sent by the hub. */
    public static final String ERROR_CODE = "TIMEOUT";

    /** Creates a timeout with code {@value #ERROR_CODE}. */
    public HubTimeoutException(String message, String requestId, Throwable cause) {
        super(message, ERROR_CODE, requestId, cause);
    }
}
