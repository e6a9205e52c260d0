package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, as {@link RetryPolicy} describes. */
final class Backoff {

    private Backoff() {
    }

    /** The upper bound of the wait before retry {@code retry} (1-based). */
    static Duration ceiling(RetryPolicy policy, int retry) {
        double factor = Math.pow(policy.multiplier(), retry - 1);
        double nanos = policy.initialBackoff().toNanos() * factor;
        long cap = policy.maxBackoff().toNanos();
        return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
    }

    /** A random wait in {@code [0, ceiling]} before retry {@code retry} (1-based). */
    static Duration jittered(RetryPolicy policy, int retry) {
        long ceiling = ceiling(policy, retry).toNanos();
        return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
