package cn.gov.shanwei.enforcement.sdk.errors;

import java.time.Duration;

/** HTTP 429: this calling system sent too many requests; wait {@link #retryAfter()} before the next. */
public class RateLimitedException extends HubException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** @param retryAfter how long the hub asked to wait; {@code null} is taken as {@link Duration#ZERO} */
    public RateLimitedException(String message, String errorCode, String requestId, Duration retryAfter) {
        super(message, 429, errorCode, requestId, null);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** How long the hub asked to wait ({@code Retry-After}); {@link Duration#ZERO} when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
