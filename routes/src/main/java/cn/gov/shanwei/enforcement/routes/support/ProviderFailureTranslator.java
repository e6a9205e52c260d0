package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns whatever a provider route failed with into the domain's words: "unavailable, retry after …" when the
 * provider decided nothing, "failed" when it answered unusably. One place, so every provider fails alike.
 */
public final class ProviderFailureTranslator {

    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final Provider provider;
    private final CircuitBreaker breaker;
    private final Duration retryAfterWhenDown;

    public ProviderFailureTranslator(Provider provider, CircuitBreaker breaker, Duration retryAfterWhenDown) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retryAfterWhenDown = Objects.requireNonNull(retryAfterWhenDown, "retryAfterWhenDown");
    }

    /** Strips Camel's wrappers so the adapter's or Resilience4j's own exception is seen. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CamelExecutionException || current instanceof RuntimeCamelException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public RuntimeException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        String name = provider.code() + " provider (" + provider.chineseName() + ")";
        if (cause instanceof CallNotPermittedException) {
            return new ProviderUnavailableException(provider, openStateWait(),
                    "The " + name + " failed repeatedly; the hub is not calling it until its circuit breaker"
                            + " lets a trial call through", cause);
        }
        if (cause instanceof BulkheadFullException || cause instanceof RejectedExecutionException) {
            return new ProviderUnavailableException(provider, BUSY_RETRY_AFTER,
                    "Too many calls to the " + name + " are in flight", cause);
        }
        if (RetryableFailure.test(cause)) {
            return new ProviderUnavailableException(provider, retryAfterWhenDown,
                    "The " + name + " did not answer within the hub's time budget", cause);
        }
        if (cause instanceof ProviderRejectedException rejected) {
            return new ProviderFailedException(provider, rejected.providerCode(),
                    "The " + name + " rejected the request: " + rejected.getMessage(), cause);
        }
        if (cause instanceof ProviderException invalid) {
            return new ProviderFailedException(provider, null,
                    "The " + name + " answered in a way the hub cannot use: " + invalid.getMessage(), cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("Unexpected failure calling the " + name, cause);
    }

    public CallOutcome outcomeOf(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallNotPermittedException || cause instanceof BulkheadFullException
                || cause instanceof RejectedExecutionException) {
            return CallOutcome.REJECTED_LOCALLY;
        }
        if (RetryableFailure.test(cause)) {
            return CallOutcome.UNAVAILABLE;
        }
        return CallOutcome.PROVIDER_FAILED;
    }

    /** Our short code for a failure: the provider's fault code when it gave one, else the failure's kind. */
    public static String faultCode(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProviderRejectedException rejected && rejected.providerCode() != null) {
            return rejected.providerCode();
        }
        return cause.getClass().getSimpleName();
    }

    private Duration openStateWait() {
        long millis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Duration.ofMillis(millis);
    }
}
