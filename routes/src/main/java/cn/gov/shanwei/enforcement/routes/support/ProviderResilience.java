package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the per-provider breaker, bulkhead and the bounded executor the time limiter runs attempts on. */
public final class ProviderResilience {

    private ProviderResilience() {
    }

    /**
     * One breaker per provider. Only failures where the provider decided nothing count against it: a business
     * fault or an unknown licence says the provider is healthy.
     */
    public static CircuitBreaker breaker(CircuitBreakerRegistry registry, Provider provider,
                                         ProviderCallSettings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(RetryableFailure::test)
                .writableStackTraceEnabled(false)
                .build();
        return registry.circuitBreaker(provider.code(), config);
    }

    /**
     * One bulkhead per provider, shared by every synchronous route of the provider: at most
     * {@code maxConcurrentCalls} attempts of all its operations together are in flight. A full bulkhead refuses at
     * once (no waiting: the caller's time budget is better spent elsewhere).
     */
    public static Bulkhead bulkhead(BulkheadRegistry registry, Provider provider, ProviderCallSettings settings) {
        BulkheadConfig config = BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build();
        return registry.bulkhead(provider.code(), config);
    }

    /**
     * Trap 4: the time limiter needs a bounded pool, or once the default pool is full attempts run on the caller
     * thread and the timeout never fires. Sized to the provider's bulkhead; a full queue rejects (counted as "busy").
     */
    public static ExecutorService timeoutExecutor(Provider provider, ProviderCallSettings settings) {
        int threads = settings.maxConcurrentCalls();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "provider-" + provider.code() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
