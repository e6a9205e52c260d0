package cn.gov.shanwei.enforcement.adapters.common;

/**
 * The provider could not be reached or gave no usable answer at the transport level: connection refused or
 * reset, HTTP 5xx without a SOAP fault, HTTP 408/429, or any other I/O failure. Retryable.
 */
public class ProviderTransportException extends ProviderException {

    private final int httpStatus;

    /**
     * @param httpStatus the HTTP status the provider answered with, or {@code 0} when there was no answer
     */
    public ProviderTransportException(String provider, String operation, String message, int httpStatus,
                                      Throwable cause) {
        super(provider, operation, message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the provider's answer, or {@code 0} when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
