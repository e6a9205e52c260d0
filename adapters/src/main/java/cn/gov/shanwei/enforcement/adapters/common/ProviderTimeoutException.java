package cn.gov.shanwei.enforcement.adapters.common;

/**
 * The connection could not be opened, or the answer did not arrive, within the configured timeout. Retryable, but
 * a caller retrying a state-changing operation must first ask the provider whether the first attempt took effect.
 */
public class ProviderTimeoutException extends ProviderTransportException {

    public ProviderTimeoutException(String provider, String operation, String message, Throwable cause) {
        super(provider, operation, message, 0, cause);
    }
}
