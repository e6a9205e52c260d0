package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.TokenStatus;
import cn.gov.shanwei.enforcement.app.health.HealthProbe;
import cn.gov.shanwei.enforcement.app.health.ProviderHealthIndicator;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity calls through the identity breaker: health gets a state, transport failures open it, rejections do not. */
class BreakerGuardedIdentityProviderTest {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final ProviderCallSettings settings = new ProviderCallSettings(null, null, null, null, null, null, null,
            null, 50f, 4, 4, null, null, null);
    private final CircuitBreaker breaker = ProviderResilience.breaker(registry, Provider.IDENTITY, settings);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final IdentityProvider guarded = new BreakerGuardedIdentityProvider(new Failing(), breaker);
    private final ProviderHealthIndicator health = new ProviderHealthIndicator(Provider.IDENTITY,
            () -> registry.find(Provider.IDENTITY.code()), Optional.empty(), url -> new HealthProbe.Result(true, "HTTP 200"),
            Clock.systemUTC());

    @Test
    void identityHealth_isUpWithABreaker_notUnknown() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("circuitBreaker", "CLOSED");
    }

    @Test
    void transportFailures_openTheBreaker_thenCallsFailFastAsTransport_andHealthIsDown() {
        failure.set(new ProviderTransportException("identity", "validate", "connection refused", 0, null));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guarded.validate("AT-0000000001")).isInstanceOf(ProviderTransportException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls.get();

        assertThatThrownBy(() -> guarded.exchange("AC-0000000001")).isInstanceOf(ProviderTransportException.class)
                .hasMessageContaining("circuit breaker is OPEN");
        assertThat(calls.get()).as("not called while open").isEqualTo(before);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void rejections_doNotCountAgainstTheProvider() {
        failure.set(new ProviderRejectedException("identity", "exchange", "code used", "INVALID_GRANT", "r-1", null));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> guarded.exchange("AC-0000000001")).isInstanceOf(ProviderRejectedException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void loginUrl_isNotGuarded() {
        breaker.transitionToOpenState();
        assertThat(guarded.authorizeUrl("state-0001")).hasToString("https://sso.example/login?state=state-0001");
    }

    /** Counts calls and throws the configured failure. */
    private final class Failing implements IdentityProvider {

        @Override
        public URI authorizeUrl(String state) {
            return URI.create("https://sso.example/login?state=" + state);
        }

        @Override
        public SignOn exchange(String codeOrTicket) {
            calls.incrementAndGet();
            throw failure.get();
        }

        @Override
        public TokenStatus validate(String sessionToken) {
            calls.incrementAndGet();
            throw failure.get();
        }

        @Override
        public void logout(String sessionToken) {
            calls.incrementAndGet();
            throw failure.get();
        }
    }
}
