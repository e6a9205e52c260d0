package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.identity.CasIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistryProperties;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.identity.IdentityConfiguration.IdentitySettings;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
        IdentitySettings settings = configuration.identitySettings(properties, new Only<>(sandbox));
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

    @Test
    void casKind_aCallingSystemsSignOn_isRelayedWithTheTicketAsCode_andExchangedOnce() throws Exception {
        IdentityProperties properties = new IdentityProperties(true, IdentityProperties.Kind.CAS, null, null, null,
                null, null, URI.create("http://localhost:8080/auth/callback"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ZERO);
        IdentityConfiguration configuration = new IdentityConfiguration();
        IdentitySettings settings = configuration.identitySettings(properties, new Only<>(sandbox));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        HubProvidersProperties providers = new HubProvidersProperties(Map.of());
        IdentityProvider provider = configuration.identityProvider(settings, properties, Clock.systemUTC(), breakers,
                providers);
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:cas-sign-on-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ClientSignOns signOns = configuration.clientSignOns(JdbcClient.create(h2), properties, Clock.systemUTC());
        List<CallRecord> calls = new ArrayList<>();
        ClientIdentity identity = configuration.clientIdentity(provider, configuration.staffDirectory(settings,
                properties), breakers, providers, signOns, new Only<>(calls::add), Clock.systemUTC());
        HubClient portal = new ClientRegistry(new ClientRegistryProperties(Map.of("portal", new ClientRegistryProperties
                .Client(null, List.of("portal-secret-0123456789abcdef-0123"), Set.of(ClientIdentity.SIGN_ON_SERVICE),
                null, null, List.of("https://portal.example.gov.cn/return"))), null)).find("portal").orElseThrow();

        ClientIdentity.Started started = identity.start(portal, "https://portal.example.gov.cn/return");
        HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(started.authorizeUrl() + "&login_hint=sw-staff-0005")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
        String ticket = callback.getQuery().replaceAll(".*ticket=([^&]+).*", "$1");
        String state = callback.getQuery().replaceAll(".*state=([^&]+).*", "$1");
        ResponseEntity<?> relayed = new SignOnController(null, new SignOnStates(Duration.ofMinutes(5),
                Clock.systemUTC()), event -> { }, signOns).callback(null, ticket, state, null,
                new MockHttpServletRequest());

        assertThat(relayed.getStatusCode().value()).isEqualTo(303);
        assertThat(relayed.getHeaders().getLocation()).hasToString("https://portal.example.gov.cn/return?signOnId="
                + started.pending().id() + "&code=" + ticket);
        SignOn signOn = identity.exchange(portal, started.pending().id(), ticket, "trace-cas-0001");
        assertThat(signOn.principal().subjectId()).isEqualTo("sw-staff-0005");
        assertThat(provider.validate(signOn.sessionToken()).active()).as("the hub ended the CAS session").isFalse();
        assertThat(calls).extracting(c -> c.operation() + " " + c.outcome() + " " + c.context().callingSystem())
                .containsExactly("exchange SUCCESS portal", "logout SUCCESS portal");
        assertThat(signOns.complete(started.pending().id(), "portal")).isEqualTo(ClientSignOns.Completion.USED);
    }

    /** One object (the running sandbox, a recorder), as Spring's {@code ObjectProvider} would hand it over. */
    private record Only<T>(T value) implements org.springframework.beans.factory.ObjectProvider<T> {
        @Override
        public T getObject(Object... args) {
            return value;
        }

        @Override
        public T getIfAvailable() {
            return value;
        }

        @Override
        public T getIfUnique() {
            return value;
        }

        @Override
        public T getObject() {
            return value;
        }
    }
}
