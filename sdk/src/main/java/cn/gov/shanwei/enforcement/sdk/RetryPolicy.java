package cn.gov.shanwei.enforcement.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a failed attempt: exponential backoff with full jitter and a cap.
 *
 * <p>Retried: no HTTP answer (connection refused or reset, I/O error, per-attempt timeout) and HTTP 409,
 * 429, 500, 502, 503 and 504. The wait before retry <i>n</i> (1-based) is a uniformly random duration
 * between zero and {@code min(maxBackoff, initialBackoff * multiplier^(n-1))}, but never shorter than the
 * hub's {@code Retry-After}. A retry whose wait would end after the call's total timeout is not made: the
 * last failure is thrown at once.
 *
 * @param maxAttempts    attempts in total, including the first; at least 1
 * @param initialBackoff backoff ceiling before the first retry; not negative
 * @param multiplier     growth of the ceiling per retry; at least 1
 * @param maxBackoff     cap of the ceiling; not shorter than {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2));
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    /** Validates the policy. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
    }

    /** Three attempts, backoff from 200 ms doubling up to 2 s, full jitter. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A single attempt, never retried. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = DEFAULTS.maxAttempts;
        private Duration initialBackoff = DEFAULTS.initialBackoff;
        private double multiplier = DEFAULTS.multiplier;
        private Duration maxBackoff = DEFAULTS.maxBackoff;

        private Builder() {
        }

        /** Attempts in total, including the first (default 3). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff ceiling before the first retry (default 200 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Growth of the ceiling per retry (default 2). */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Cap of the ceiling (default 2 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException naming the bad setting */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff);
        }
    }
}
