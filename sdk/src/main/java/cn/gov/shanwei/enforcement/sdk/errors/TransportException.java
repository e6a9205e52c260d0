package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * The hub gave no HTTP answer: connection refused or reset, DNS failure, TLS failure, I/O error, or an
 * interrupted wait. {@link #status()} is {@code 0}.
 */
public class TransportException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Error code of transport failures; never sent by the hub. */
    public static final String ERROR_CODE = "TRANSPORT_FAILED";

    /** Creates a transport failure with code {@value #ERROR_CODE}. */
    public TransportException(String message, String requestId, Throwable cause) {
        this(message, ERROR_CODE, requestId, cause);
    }

    /** For subclasses with their own error code. */
    protected TransportException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, 0, errorCode, requestId, cause);
    }
}
