package cn.gov.shanwei.enforcement.sdk.errors;

import java.time.Duration;

/**
 * HTTP 503 with code {@code PROVIDER_UNAVAILABLE}: the provincial service behind the hub is down or too slow
 * (or its circuit breaker is open). {@link #provider()} says which one; try again after {@link #retryAfter()}.
 */
public class ProviderUnavailableException extends HubException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final Duration retryAfter;

    /**
     * @param provider   the provider the hub named, for example {@code licence}; may be {@code null}
     * @param retryAfter how long the hub asked to wait; {@code null} is taken as {@link Duration#ZERO}
     */
    public ProviderUnavailableException(String message, String errorCode, String requestId, String provider,
                                        Duration retryAfter) {
        super(message, 503, errorCode, requestId, null);
        this.provider = provider;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** The unavailable provincial provider as the hub names it (for example {@code licence}); may be {@code null}. */
    public String provider() {
        return provider;
    }

    /** How long the hub asked to wait ({@code Retry-After}); {@link Duration#ZERO} when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
