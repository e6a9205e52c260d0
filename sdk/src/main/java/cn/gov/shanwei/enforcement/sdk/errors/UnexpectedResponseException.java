package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * The hub answered something this SDK version does not understand: an unreadable or incomplete body, an
 * unknown enum value (such as a new licence status), a redirect, or an unmapped HTTP status. Not retried;
 * usually means the SDK is older than the hub.
 */
public class UnexpectedResponseException extends ServerException {

    private static final long serialVersionUID = 1L;

    /** Error code of unexpected responses; never sent by the hub. */
    public static final String ERROR_CODE = "UNEXPECTED_RESPONSE";

    /** Creates the exception for an answer with the given HTTP status, with code {@value #ERROR_CODE}. */
    public UnexpectedResponseException(String message, int status, String requestId, Throwable cause) {
        this(message, status, ERROR_CODE, requestId, cause);
    }

    /** Creates the exception keeping the hub's own error code ({@value #ERROR_CODE} when {@code null}). */
    public UnexpectedResponseException(String message, int status, String errorCode, String requestId,
                                       Throwable cause) {
        super(message, status, errorCode == null ? ERROR_CODE : errorCode, requestId, cause);
    }
}
