package cn.gov.shanwei.enforcement.domain.call;

import java.time.Duration;
import java.util.Objects;

/**
 * A provincial provider could not answer within the hub's budget: it is down, too slow, or its circuit breaker
 * is open. The caller should try again after {@link #retryAfter()}; nothing was decided by the provider.
 */
public final class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Provider provider;
    private final transient Duration retryAfter;

    public ProviderUnavailableException(Provider provider, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Provider provider() {
        return provider;
    }

    /** How long the caller should wait before trying again; never negative. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
