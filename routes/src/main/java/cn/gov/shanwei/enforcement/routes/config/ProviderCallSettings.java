package cn.gov.shanwei.enforcement.routes.config;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the hub calls one provincial provider: where, how long an attempt and the whole call may take, how often to
 * retry idempotent reads, when to stop calling a failing provider, and how many calls may be in flight at once.
 * Every field has a default, so a deployment sets only what differs. Bound from {@code hub.providers.<code>.*}.
 *
 * @param endpoint             the provider's URL; in the sandbox profile the in-process sandbox supplies it
 * @param healthUrl            optional URL answering 2xx when the provider is up, probed by the hub's health
 * @param connectTimeout       per attempt, to open the connection
 * @param readTimeout          per attempt, to receive the answer
 * @param totalTimeout         for the whole call, every attempt and back-off included
 * @param maxAttempts          attempts for idempotent reads (1 = no retry)
 * @param backoffInitial       delay before the first retry; doubles each time (with jitter) up to backoffMax
 * @param backoffMax           cap of the retry delay
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit breaker
 * @param slidingWindowSize    calls the breaker looks back at
 * @param minimumCalls         calls needed before the breaker judges at all
 * @param openStateWait        how long an open breaker refuses calls before letting trial calls through
 * @param maxConcurrentCalls   bulkhead: calls in flight at once to this provider
 * @param retryAfterWhenDown   what callers are told to wait when the provider did not answer
 * @param operations           per synchronous operation ({@code hub.providers.<code>.operations.<operation>.*}), what
 *                             differs from the provider's attempt timeout, total timeout and attempts; keyed by the
 *                             operation's name as in its monitoring record ({@code reverseGeocode}, also written
 *                             {@code reverse-geocode})
 */
public record ProviderCallSettings(URI endpoint, URI healthUrl, Duration connectTimeout, Duration readTimeout,
                                   Duration totalTimeout, Integer maxAttempts, Duration backoffInitial,
                                   Duration backoffMax, Float failureRateThreshold, Integer slidingWindowSize,
                                   Integer minimumCalls, Duration openStateWait, Integer maxConcurrentCalls,
                                   Duration retryAfterWhenDown, Map<String, OperationCallSettings> operations) {

    /** Settings without per-operation overrides. */
    public ProviderCallSettings(URI endpoint, URI healthUrl, Duration connectTimeout, Duration readTimeout,
                                Duration totalTimeout, Integer maxAttempts, Duration backoffInitial,
                                Duration backoffMax, Float failureRateThreshold, Integer slidingWindowSize,
                                Integer minimumCalls, Duration openStateWait, Integer maxConcurrentCalls,
                                Duration retryAfterWhenDown) {
        this(endpoint, healthUrl, connectTimeout, readTimeout, totalTimeout, maxAttempts, backoffInitial, backoffMax,
                failureRateThreshold, slidingWindowSize, minimumCalls, openStateWait, maxConcurrentCalls,
                retryAfterWhenDown, null);
    }

    @ConstructorBinding
    public ProviderCallSettings {
        connectTimeout = positive("connectTimeout", connectTimeout, Duration.ofSeconds(1));
        readTimeout = positive("readTimeout", readTimeout, Duration.ofSeconds(3));
        totalTimeout = positive("totalTimeout", totalTimeout, Duration.ofSeconds(8));
        maxAttempts = atLeastOne("maxAttempts", maxAttempts, 3);
        backoffInitial = positive("backoffInitial", backoffInitial, Duration.ofMillis(200));
        backoffMax = positive("backoffMax", backoffMax, Duration.ofSeconds(2));
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 100], was " + failureRateThreshold);
        }
        slidingWindowSize = atLeastOne("slidingWindowSize", slidingWindowSize, 10);
        minimumCalls = atLeastOne("minimumCalls", minimumCalls, 5);
        openStateWait = positive("openStateWait", openStateWait, Duration.ofSeconds(10));
        maxConcurrentCalls = atLeastOne("maxConcurrentCalls", maxConcurrentCalls, 20);
        retryAfterWhenDown = positive("retryAfterWhenDown", retryAfterWhenDown, Duration.ofSeconds(5));
        if (attemptTimeoutOf(connectTimeout, readTimeout).compareTo(totalTimeout) > 0) {
            throw new IllegalArgumentException("totalTimeout " + totalTimeout
                    + " is shorter than one attempt (connectTimeout + readTimeout)");
        }
        Map<String, OperationCallSettings> byName = byOperationName(operations);
        if (operations != null) {
            for (Map.Entry<String, OperationCallSettings> operation : operations.entrySet()) {
                limitsOf(operation.getKey(), operation.getValue(), attemptTimeoutOf(connectTimeout, readTimeout),
                        totalTimeout, maxAttempts, backoffInitial, backoffMax);
            }
        }
        operations = byName;
    }

    /** Settings with every default and no endpoint. */
    public static ProviderCallSettings defaults() {
        return new ProviderCallSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /**
     * The limits of one synchronous call of {@code operation}: its own attempt timeout, total timeout and attempts
     * where {@code operations} sets them, the provider's otherwise.
     */
    public CallLimits limitsFor(String operation) {
        String key = normalised(operation);
        return limitsOf(key, operations.get(key), attemptTimeout(), totalTimeout, maxAttempts, backoffInitial,
                backoffMax);
    }


    /** The ceiling of one attempt, enforced by the breaker's time limiter above the adapter's own timeouts. */
    public Duration attemptTimeout() {
        return attemptTimeoutOf(connectTimeout, readTimeout);
    }

    private static CallLimits limitsOf(String operation, OperationCallSettings own, Duration providerAttempt,
                                       Duration providerTotal, int providerAttempts, Duration backoffInitial,
                                       Duration backoffMax) {
        if (own == null) {
            return new CallLimits(providerAttempt, providerTotal, providerAttempts, backoffInitial, backoffMax);
        }
        String prefix = "operations." + operation + ".";
        Duration attempt = own.attemptTimeout() == null ? providerAttempt
                : positive(prefix + "attemptTimeout", own.attemptTimeout(), null);
        Duration total = own.totalTimeout() == null ? providerTotal
                : positive(prefix + "totalTimeout", own.totalTimeout(), null);
        int attempts = own.maxAttempts() == null ? providerAttempts
                : atLeastOne(prefix + "maxAttempts", own.maxAttempts(), 1);
        if (attempt.compareTo(providerAttempt) > 0) {
            throw new IllegalArgumentException(prefix + "attemptTimeout " + attempt + " is longer than the provider's"
                    + " attempt (connectTimeout + readTimeout + 250ms = " + providerAttempt
                    + "): the adapter gives up first; raise the provider's readTimeout instead");
        }
        if (attempt.compareTo(total) > 0) {
            throw new IllegalArgumentException(prefix + "totalTimeout " + total + " is shorter than one attempt ("
                    + attempt + ")");
        }
        return new CallLimits(attempt, total, attempts, backoffInitial, backoffMax);
    }

    private static Map<String, OperationCallSettings> byOperationName(Map<String, OperationCallSettings> operations) {
        if (operations == null) {
            return Map.of();
        }
        Map<String, OperationCallSettings> byName = new HashMap<>();
        operations.forEach((name, settings) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("operations: an operation name is blank");
            }
            if (settings != null && byName.put(normalised(name), settings) != null) {
                throw new IllegalArgumentException("operations." + name + " is set twice under different spellings");
            }
        });
        return Map.copyOf(byName);
    }

    /** The operations {@code operations} sets limits for, by their normalised names ({@link #normalised}). */
    java.util.Set<String> configuredOperations() {
        return operations.keySet();
    }

    /** {@code reverseGeocode}, {@code reverse-geocode} and {@code reverse_geocode} name the same operation. */
    static String normalised(String operation) {
        return operation.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Duration attemptTimeoutOf(Duration connect, Duration read) {
        return connect.plus(read).plusMillis(250);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration result = value == null ? fallback : value;
        if (result.isZero() || result.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + result);
        }
        return result;
    }

    private static int atLeastOne(String name, Integer value, int fallback) {
        int result = value == null ? fallback : value;
        if (result < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + result);
        }
        return result;
    }
}
