package cn.gov.shanwei.enforcement.app.health;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Each state of a provider's health, from a real breaker moved by hand and a probe that answers what it is told. */
class ProviderHealthIndicatorTest {

    private static final URI HEALTH_URL = URI.create("http://licence.example/health");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

    private final CircuitBreaker breaker = CircuitBreaker.of("licence", CircuitBreakerConfig.custom()
            .failureRateThreshold(80)
            .slidingWindowSize(4)
            .minimumNumberOfCalls(4)
            .permittedNumberOfCallsInHalfOpenState(2)
            .build());
    private final AtomicInteger probes = new AtomicInteger();
    private volatile HealthProbe.Result answer = new HealthProbe.Result(true, "HTTP 200");
    private final HealthProbe probe = url -> {
        probes.incrementAndGet();
        return answer;
    };

    @Test
    void health_whenBreakerClosedAndProbeAnswers_isUpWithoutReason() {
        Health health = indicator(Optional.of(HEALTH_URL)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "CLOSED")
                .containsEntry("probeResult", "HTTP 200").doesNotContainKey("reason");
    }

    @Test
    void health_whenBreakerHalfOpen_isDegradedProbing() {
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();

        Health health = indicator(Optional.empty()).health();

        assertThat(health.getStatus()).isEqualTo(ProviderHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "HALF_OPEN")
                .containsEntry("reason", "circuit breaker half-open: probing after failures");
    }

    @Test
    void health_whenClosedButFailureRateAboveHalfTheThreshold_isDegradedSayingTheRate() {
        failures(2, 2);   // 50 %: the breaker opens at 80 %, degraded from 40 %

        Health health = indicator(Optional.empty()).health();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(health.getStatus()).isEqualTo(ProviderHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("reason",
                "failure rate 50.0% is above half the circuit breaker's threshold of 80.0%");
    }

    @Test
    void health_whenClosedAndFailureRateAtMostHalfTheThreshold_isUp() {
        failures(1, 3);   // 25 %

        assertThat(indicator(Optional.empty()).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void health_whenBreakerOpen_isDownWithTheFailureRate() {
        failures(4, 0);

        Health health = indicator(Optional.empty()).health();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith(
                "circuit breaker open (failure rate 100.0%, threshold 80.0%)");
    }

    @Test
    void health_whenProbeFails_isDownSayingWhatTheProbeGot() {
        answer = new HealthProbe.Result(false, "HTTP 503");

        Health health = indicator(Optional.of(HEALTH_URL)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "health probe: HTTP 503");
    }

    @Test
    void health_whenHalfOpenAndProbeFails_isDownWithBothReasons() {
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        answer = new HealthProbe.Result(false, "ConnectException: refused");

        Health health = indicator(Optional.of(HEALTH_URL)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason",
                "circuit breaker half-open: probing after failures; health probe: ConnectException: refused");
    }

    @Test
    void health_whenNoBreakerGuardsTheProvider_isUnknownSayingSo() {
        Health health = new ProviderHealthIndicator(Provider.SEAL, Optional::empty, Optional.of(HEALTH_URL), probe,
                CLOCK).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith("no circuit breaker guards");
        assertThat(probes).hasValue(0);
    }

    @Test
    void health_polledAgainWithinTheProbeCache_asksTheProviderOnce() {
        ProviderHealthIndicator indicator = indicator(Optional.of(HEALTH_URL));

        indicator.health();
        indicator.health();

        assertThat(probes).hasValue(1);
    }

    private ProviderHealthIndicator indicator(Optional<URI> probeUrl) {
        return new ProviderHealthIndicator(Provider.LICENCE, () -> Optional.of(breaker), probeUrl, probe, CLOCK);
    }

    private void failures(int failed, int succeeded) {
        for (int i = 0; i < succeeded; i++) {
            breaker.onSuccess(10, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < failed; i++) {
            breaker.onError(10, TimeUnit.MILLISECONDS, new IllegalStateException("provider failed"));
        }
    }
}
