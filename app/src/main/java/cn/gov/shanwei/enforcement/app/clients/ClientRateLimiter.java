package cn.gov.shanwei.enforcement.app.clients;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per calling system, sized by its {@link HubClient#rateLimit()}. Limits are per hub instance:
 * with N instances behind a balancer a client gets at most N times its rate (ADR 0601).
 */
public final class ClientRateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    /** @param nanoTime monotonic time in nanoseconds, {@code System::nanoTime} outside tests */
    public ClientRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request of {@code client}.
     *
     * @return {@link Duration#ZERO} when allowed; otherwise how long the client must wait
     */
    public Duration tryAcquire(HubClient client) {
        return buckets.computeIfAbsent(client.id(), id -> new TokenBucket(client.rateLimit().requestsPerSecond(),
                client.rateLimit().burst(), nanoTime)).tryTake();
    }
}
