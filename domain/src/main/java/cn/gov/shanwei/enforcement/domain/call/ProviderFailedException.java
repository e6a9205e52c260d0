package cn.gov.shanwei.enforcement.domain.call;

import java.util.Objects;

/**
 * A provincial provider answered, but not with something the hub can use: it rejected the request with a business
 * fault, or its answer broke the contract. Retrying the same request will not help.
 */
public final class ProviderFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Provider provider;
    private final String providerCode;

    public ProviderFailedException(Provider provider, String providerCode, String message, Throwable cause) {
        super(message, cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.providerCode = providerCode;
    }

    public Provider provider() {
        return provider;
    }

    /** The provider's own fault code, when it gave one. */
    public String providerCode() {
        return providerCode;
    }
}
