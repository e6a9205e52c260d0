package cn.gov.shanwei.enforcement.routes.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one synchronous call of one operation, resolved from the provider's settings and the operation's
 * own ({@link ProviderCallSettings#limitsFor}).
 *
 * @param attemptTimeout ceiling of one attempt, enforced by the breaker's time limiter
 * @param totalTimeout   for the whole call, every attempt and back-off included
 * @param maxAttempts    attempts (1 = no retry)
 * @param backoffInitial delay before the first retry; doubles each time up to {@code backoffMax}, then jittered
 * @param backoffMax     cap of the retry delay, jitter included
 */
public record CallLimits(Duration attemptTimeout, Duration totalTimeout, int maxAttempts, Duration backoffInitial,
                         Duration backoffMax) {

    /** Jitter: a retry waits up to this fraction of its back-off less or more (like Camel's collision avoidance). */
    public static final double JITTER = 0.15;

    public CallLimits {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (attemptTimeout.compareTo(totalTimeout) > 0) {
            throw new IllegalArgumentException("totalTimeout " + totalTimeout + " is shorter than one attempt ("
                    + attemptTimeout + ")");
        }
    }

    /** The back-off before retry number {@code retry} (1-based), without jitter. */
    public Duration backoffBefore(int retry) {
        long millis = backoffInitial.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
    }

    /**
     * The back-off before retry number {@code retry} with its jitter: {@code unit} 0 waits {@link #JITTER} less than
     * {@link #backoffBefore}, 0.5 exactly that, 1 {@code JITTER} more; never more than {@code backoffMax}. The delay
     * the retry will really wait, so the call budget can be checked against it.
     *
     * @param unit a random number in [0, 1]
     */
    public Duration jitteredBackoffBefore(int retry, double unit) {
        if (!(unit >= 0 && unit <= 1)) {
            throw new IllegalArgumentException("unit must be in [0, 1], was " + unit);
        }
        long base = backoffBefore(retry).toMillis();
        long jittered = Math.round(base * (1 + JITTER * (2 * unit - 1)));
        return Duration.ofMillis(Math.min(jittered, backoffMax.toMillis()));
    }
}
