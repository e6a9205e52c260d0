package cn.gov.shanwei.enforcement.app.health;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Health of one provincial provider as the hub sees it: its circuit breaker's state and, where the provider has a
 * health URL, a probe of it (cached briefly so health polling never hammers the province). A provider whose
 * calls are not yet guarded by a circuit breaker reports UNKNOWN, saying so.
 */
public final class ProviderHealthIndicator implements HealthIndicator {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PROBE_CACHE = Duration.ofSeconds(10);

    private final Provider provider;
    private final Supplier<Optional<CircuitBreaker>> breaker;
    private final Optional<URI> probeUrl;
    private final HttpClient http;
    private final Clock clock;
    private volatile ProbeResult lastProbe;

    public ProviderHealthIndicator(Provider provider, Supplier<Optional<CircuitBreaker>> breaker,
                                   Optional<URI> probeUrl, HttpClient http, Clock clock) {
        this.provider = provider;
        this.breaker = breaker;
        this.probeUrl = probeUrl;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Optional<CircuitBreaker> circuitBreaker = breaker.get();
        if (circuitBreaker.isEmpty()) {
            return Health.unknown()
                    .withDetail("provider", provider.chineseName())
                    .withDetail("breaker", "none: no synchronous route guards this provider yet")
                    .build();
        }
        CircuitBreaker cb = circuitBreaker.get();
        Health.Builder health = Health.up();
        health.withDetail("provider", provider.chineseName())
                .withDetail("circuitBreaker", cb.getState().name())
                .withDetail("failureRate", cb.getMetrics().getFailureRate());
        if (cb.getState() == CircuitBreaker.State.OPEN || cb.getState() == CircuitBreaker.State.FORCED_OPEN) {
            health.down();
        }
        probeUrl.ifPresentOrElse(url -> {
            ProbeResult probe = probe(url);
            health.withDetail("probe", url.toString()).withDetail("probeResult", probe.outcome());
            if (!probe.up()) {
                health.down();
            }
        }, () -> health.withDetail("probe", "none configured"));
        return health.build();
    }

    private ProbeResult probe(URI url) {
        ProbeResult cached = lastProbe;
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(PROBE_CACHE).isAfter(now)) {
            return cached;
        }
        ProbeResult fresh;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            fresh = new ProbeResult(now, status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException e) {
            fresh = new ProbeResult(now, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fresh = new ProbeResult(now, false, "interrupted");
        }
        lastProbe = fresh;
        return fresh;
    }

    private record ProbeResult(Instant at, boolean up, String outcome) {
    }
}
