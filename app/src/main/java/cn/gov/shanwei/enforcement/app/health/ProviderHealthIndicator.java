package cn.gov.shanwei.enforcement.app.health;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Health of one provincial provider as the hub sees it: its circuit breaker's state and failure rate and, where the
 * provider has a health URL, a probe of it (cached briefly so health polling never hammers the province).
 * <ul>
 *   <li>UP: breaker closed, failure rate at most half its threshold, probe (if any) answered;</li>
 *   <li>{@link #DEGRADED}: breaker half-open, or closed with a failure rate above half its threshold;</li>
 *   <li>DOWN: breaker open, or the probe failed;</li>
 *   <li>UNKNOWN: no circuit breaker guards the provider's calls yet.</li>
 * </ul>
 * Every status but UP carries a {@code reason} detail.
 */
public final class ProviderHealthIndicator implements HealthIndicator {

    /**
     * Calls go through but not all is well; sorted between DOWN and UP and answered with HTTP 200
     * ({@code management.endpoint.health.status} in application.yml).
     */
    public static final Status DEGRADED = new Status("DEGRADED",
            "calls go through, but the provider is failing or recovering");

    private static final Duration PROBE_CACHE = Duration.ofSeconds(10);

    private final Provider provider;
    private final Supplier<Optional<CircuitBreaker>> breaker;
    private final Optional<URI> probeUrl;
    private final HealthProbe probe;
    private final Clock clock;
    private volatile CachedProbe lastProbe;

    /**
     * @param breaker  the provider's breaker, once a route has created it
     * @param probeUrl the provider's health URL, if it has one
     * @param probe    how the URL is asked
     */
    public ProviderHealthIndicator(Provider provider, Supplier<Optional<CircuitBreaker>> breaker,
                                   Optional<URI> probeUrl, HealthProbe probe, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.probeUrl = Objects.requireNonNull(probeUrl, "probeUrl");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Health health() {
        Optional<CircuitBreaker> circuitBreaker = breaker.get();
        if (circuitBreaker.isEmpty()) {
            return Health.unknown()
                    .withDetail("provider", provider.chineseName())
                    .withDetail("breaker", "none")
                    .withDetail("reason", "no circuit breaker guards this provider's calls yet, so the hub cannot"
                            + " tell how they go")
                    .build();
        }
        CircuitBreaker cb = circuitBreaker.get();
        float failureRate = cb.getMetrics().getFailureRate();
        float threshold = cb.getCircuitBreakerConfig().getFailureRateThreshold();
        Verdict verdict = new Verdict();
        switch (cb.getState()) {
            case OPEN -> verdict.down("circuit breaker open (failure rate " + percent(failureRate) + ", threshold "
                    + percent(threshold) + "): calls are refused until it half-opens");
            case FORCED_OPEN -> verdict.down("circuit breaker forced open: calls are refused until it is released");
            case HALF_OPEN -> verdict.degraded("circuit breaker half-open: probing after failures");
            default -> {
                if (failureRate > threshold / 2) {
                    verdict.degraded("failure rate " + percent(failureRate) + " is above half the circuit breaker's"
                            + " threshold of " + percent(threshold));
                }
            }
        }
        Health.Builder health = Health.status(verdict.status)
                .withDetail("provider", provider.chineseName())
                .withDetail("circuitBreaker", cb.getState().name())
                .withDetail("failureRate", failureRate);
        probeUrl.ifPresentOrElse(url -> {
            HealthProbe.Result result = probe(url);
            health.withDetail("probe", url.toString()).withDetail("probeResult", result.outcome());
            if (!result.up()) {
                verdict.down("health probe: " + result.outcome());
            }
        }, () -> health.withDetail("probe", "none configured"));
        health.status(verdict.status);
        if (!verdict.reasons.isEmpty()) {
            health.withDetail("reason", String.join("; ", verdict.reasons));
        }
        return health.build();
    }

    private HealthProbe.Result probe(URI url) {
        CachedProbe cached = lastProbe;
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(PROBE_CACHE).isAfter(now)) {
            return cached.result();
        }
        HealthProbe.Result fresh = probe.check(url);
        lastProbe = new CachedProbe(now, fresh);
        return fresh;
    }

    private static String percent(float rate) {
        return rate < 0 ? "not yet measured" : String.format(Locale.ROOT, "%.1f%%", rate);
    }

    /** The worst status found so far, with the reason of each finding. */
    private static final class Verdict {

        private Status status = Status.UP;
        private final List<String> reasons = new ArrayList<>();

        void degraded(String reason) {
            if (status == Status.UP) {
                status = DEGRADED;
            }
            reasons.add(reason);
        }

        void down(String reason) {
            status = Status.DOWN;
            reasons.add(reason);
        }
    }

    private record CachedProbe(Instant at, HealthProbe.Result result) {
    }
}
