package cn.gov.shanwei.enforcement.adapters.common;

/**
 * The provider answered, but the answer broke the contract: too large, not well-formed or unsafe XML (a DTD,
 * entities), a required field missing, an unknown code, a date that does not parse. Not retryable: the fault lies
 * with the provider's software and needs a human.
 */
public class ProviderResponseInvalidException extends ProviderException {

    public ProviderResponseInvalidException(String provider, String operation, String message, Throwable cause) {
        super(provider, operation, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
