package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryBookkeeping;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters of provincial calls, taken from their monitoring records so that the synchronous and the durable path are
 * measured alike:
 * <ul>
 *   <li>{@code hub.provider.call}, a timer per provider, operation and outcome (from request in to response out), with
 *       a percentile histogram and the {@linkplain #SLOS SLO buckets} for Prometheus;</li>
 *   <li>{@code hub.provider.errors}, a counter per provider, operation and fault (the provider's fault code or our
 *       failure class; the outcome where there is none) of every call that failed or was refused locally. A call
 *       answered from the hub's cache is no error: it is counted by the timer with outcome
 *       {@code SERVED_FROM_CACHE}.</li>
 * </ul>
 * Never throws: a meter that cannot be updated never fails the call it measures.
 */
public final class ProviderCallMetrics {

    /** Latency objectives of a provincial call, exported as histogram buckets next to the percentile ones. */
    static final Duration[] SLOS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(3), Duration.ofSeconds(8)};
    /** Distinct fault tags kept; a provider sending ever new codes must not grow the scrape without bound. */
    static final int MAX_FAULTS = 100;
    static final String OTHER_FAULT = "OTHER";
    private static final int MAX_FAULT_LENGTH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderCallMetrics.class);

    private final MeterRegistry registry;
    private final Set<String> faults = ConcurrentHashMap.newKeySet();
    /** The meters already registered, by their tags: each call looks its meter up once, without a builder. */
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public ProviderCallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Updates the meters with one call. */
    public void observe(CallRecord call) {
        try {
            String provider = call.provider().code();
            timers.computeIfAbsent(List.of(provider, call.operation(), call.outcome().name()), this::timer)
                    .record(call.duration());
            if (isError(call.outcome())) {
                counters.computeIfAbsent(List.of(provider, call.operation(), faultOf(call)), this::errors)
                        .increment();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not meter a {} {} call", call.provider().code(), call.operation(), e);
        }
    }

    /** A recorder that meters each call, then hands it to {@code recorder}. */
    public CallRecorder observingCalls(CallRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        return call -> {
            observe(call);
            recorder.record(call);
        };
    }

    /**
     * The durable path's book-keeping, metering the calls of a batch before {@code bookkeeping} writes their records
     * (once, whether they are written together or one by one).
     */
    public DeliveryBookkeeping observingAttempts(DeliveryBookkeeping bookkeeping) {
        Objects.requireNonNull(bookkeeping, "bookkeeping");
        return attempts -> {
            attempts.forEach(attempt -> attempt.records().forEach(this::observe));
            bookkeeping.settle(attempts);
        };
    }

    /** The timer of {@code tags} = provider, operation, outcome. */
    private Timer timer(List<String> tags) {
        return Timer.builder("hub.provider.call")
                .description("Provincial calls as the hub saw them, from request in to response out")
                .tags("provider", tags.get(0), "operation", tags.get(1), "outcome", tags.get(2))
                .publishPercentileHistogram()
                .serviceLevelObjectives(SLOS)
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .distributionStatisticExpiry(Duration.ofMinutes(5))
                .distributionStatisticBufferLength(5)
                .register(registry);
    }

    /** The error counter of {@code tags} = provider, operation, fault. */
    private Counter errors(List<String> tags) {
        return Counter.builder("hub.provider.errors")
                .description("Provincial calls that failed or were refused locally, by fault")
                .tags("provider", tags.get(0), "operation", tags.get(1), "fault", tags.get(2))
                .register(registry);
    }

    static boolean isError(CallOutcome outcome) {
        return switch (outcome) {
            case SUCCESS, SERVED_FROM_CACHE -> false;
            case PROVIDER_FAILED, UNAVAILABLE, REJECTED_LOCALLY -> true;
        };
    }

    private String faultOf(CallRecord call) {
        String fault = call.faultCode() == null || call.faultCode().isBlank() ? call.outcome().name()
                : call.faultCode().strip();
        fault = TextCut.atMost(fault, MAX_FAULT_LENGTH);
        if (faults.contains(fault)) {
            return fault;
        }
        synchronized (faults) {
            if (faults.size() >= MAX_FAULTS) {
                return OTHER_FAULT;
            }
            faults.add(fault);
            return fault;
        }
    }
}
