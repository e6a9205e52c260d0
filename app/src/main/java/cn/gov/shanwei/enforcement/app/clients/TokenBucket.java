package cn.gov.shanwei.enforcement.app.clients;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds at most {@code burst} tokens, refilled continuously at {@code perSecond}; each request
 * takes one. Thread-safe; the time source is injected so tests need no sleeps (ADR 0601).
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1, were " + perSecond + ", " + burst);
        }
        this.capacity = burst;
        this.tokensPerNano = (double) perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /**
     * Takes a token if there is one.
     *
     * @return {@link Duration#ZERO} when granted, otherwise how long until a token will be there
     */
    synchronized Duration tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1.0 - tokens) / tokensPerNano));
    }
}
