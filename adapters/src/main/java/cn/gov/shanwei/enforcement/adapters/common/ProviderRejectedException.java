package cn.gov.shanwei.enforcement.adapters.common;

/**
 * The provider answered and refused the request with a business fault (for SOAP services: a SOAP fault). Not
 * retryable: the same request would be refused again.
 */
public class ProviderRejectedException extends ProviderException {

    private final String providerCode;
    private final String providerRequestId;

    /**
     * @param providerCode      the provider's fault code, e.g. {@code "ACCESS_DENIED"}
     * @param providerRequestId the provider's id for the refused request, or {@code null} if it gave none
     */
    public ProviderRejectedException(String provider, String operation, String message, String providerCode,
                                     String providerRequestId, Throwable cause) {
        super(provider, operation, message, cause);
        this.providerCode = providerCode;
        this.providerRequestId = providerRequestId;
    }

    /** The provider's fault code, e.g. {@code "ACCESS_DENIED"}; never {@code null}. */
    public String providerCode() {
        return providerCode;
    }

    /** The provider's id for the refused request (quote it when asking the provider), or {@code null}. */
    public String providerRequestId() {
        return providerRequestId;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [providerCode=" + providerCode
                + (providerRequestId == null ? "" : ", providerRequestId=" + providerRequestId) + "]";
    }
}
