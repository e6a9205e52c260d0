package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.identity.CasIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.app.identity.IdentityConfiguration.IdentitySettings;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hub.identity.kind=CAS} builds the ticket flow, and it works against the sandbox with the sandbox defaults. */
class CasSignOnTest {

    private static ProvinceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void casKind_signsOnWithATicket_andTheCallbackKeepsTheState() throws IOException, InterruptedException {
        IdentityProperties properties = new IdentityProperties(true, IdentityProperties.Kind.CAS, null, null, null,
                null, null, URI.create("http://localhost:8080/auth/callback"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ZERO);
        IdentityConfiguration configuration = new IdentityConfiguration();
        IdentitySettings settings = configuration.identitySettings(properties, new SandboxOnly(sandbox));
        IdentityProvider provider = configuration.identityProvider(settings, properties, Clock.systemUTC(),
                io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults(),
                new cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties(java.util.Map.of()));
        assertThat(provider.toString()).contains(CasIdentityProvider.class.getSimpleName(), "breaker identity");

        String state = new SignOnStates(Duration.ofMinutes(5), Clock.systemUTC()).issue();
        HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(provider.authorizeUrl(state) + "&login_hint=sw-staff-0005")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        URI back = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/auth/callback");
        assertThat(back.getQuery()).contains("state=" + state).contains("ticket=ST-");

        String ticket = back.getQuery().replaceAll(".*ticket=([^&]+).*", "$1");
        SignOn signOn = provider.exchange(ticket);
        assertThat(signOn.principal().subjectId()).isEqualTo("sw-staff-0005");
        assertThat(provider.validate(signOn.sessionToken()).active()).isTrue();
        provider.logout(signOn.sessionToken());
        assertThat(provider.validate(signOn.sessionToken()).active()).isFalse();
    }

    /** Hands the running sandbox to the configuration as Spring would. */
    private record SandboxOnly(ProvinceSandbox sandbox)
            implements org.springframework.beans.factory.ObjectProvider<ProvinceSandbox> {
        @Override
        public ProvinceSandbox getObject(Object... args) {
            return sandbox;
        }

        @Override
        public ProvinceSandbox getIfAvailable() {
            return sandbox;
        }

        @Override
        public ProvinceSandbox getIfUnique() {
            return sandbox;
        }

        @Override
        public ProvinceSandbox getObject() {
            return sandbox;
        }
    }
}
