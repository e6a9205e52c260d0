package cn.gov.shanwei.enforcement.app.monitoring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges for Prometheus: each provider's circuit breaker ({@code hub_provider_breaker_state}: 0 closed, 1 open,
 * 2 half-open, 3 other; {@code hub_provider_breaker_failure_rate}) and the durable backlog per operation and outbox
 * state ({@code hub_durable_entries}, e.g. state PENDING = waiting for the relay, REJECTED = refused and waiting for
 * ops). The backlog is read from the outbox at most once per second, whatever the scrape rate.
 */
public class HubMetrics implements MeterBinder {

    private static final List<String> STATES = List.of("PENDING", "QUEUED", "ATTEMPTING", "RETRYING", "REJECTED");
    private static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(1);

    private final CircuitBreakerRegistry breakers;
    private final JdbcClient jdbc;
    private final List<String> operations;
    private final Clock clock;
    private volatile Map<String, Long> backlog = Map.of();
    private volatile Instant backlogReadAt = Instant.EPOCH;

    public HubMetrics(CircuitBreakerRegistry breakers, JdbcClient jdbc, List<String> operations, Clock clock) {
        this.breakers = breakers;
        this.jdbc = jdbc;
        this.operations = List.copyOf(operations);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        breakers.getAllCircuitBreakers().forEach(breaker -> bindBreaker(registry, breaker));
        breakers.getEventPublisher().onEntryAdded(event -> bindBreaker(registry, event.getAddedEntry()));
        for (String operation : operations) {
            for (String state : STATES) {
                Gauge.builder("hub.durable.entries", () -> backlog().getOrDefault(operation + "/" + state, 0L))
                        .description("Outbox entries of a durable operation by state")
                        .tags("operation", operation, "state", state)
                        .register(registry);
            }
        }
    }

    private static void bindBreaker(MeterRegistry registry, CircuitBreaker breaker) {
        Gauge.builder("hub.provider.breaker.state", breaker, b -> stateCode(b.getState()))
                .description("Circuit breaker state per provider: 0 closed, 1 open, 2 half-open, 3 other")
                .tag("provider", breaker.getName())
                .register(registry);
        Gauge.builder("hub.provider.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .description("Failure rate in the breaker's window, percent (-1 until enough calls)")
                .tag("provider", breaker.getName())
                .register(registry);
    }

    static int stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }

    private Map<String, Long> backlog() {
        Instant now = clock.instant();
        if (Duration.between(backlogReadAt, now).compareTo(BACKLOG_MAX_AGE) > 0) {
            Map<String, Long> counts = new ConcurrentHashMap<>();
            jdbc.sql("SELECT operation, state, COUNT(*) AS n FROM outbox_message"
                            + " WHERE state NOT IN ('DONE', 'DISCARDED') GROUP BY operation, state")
                    .query(rs -> {
                        counts.put(rs.getString("operation") + "/" + rs.getString("state"), rs.getLong("n"));
                    });
            backlog = counts;
            backlogReadAt = now;
        }
        return backlog;
    }
}
