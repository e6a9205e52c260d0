package cn.gov.shanwei.enforcement.app.health;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations watch: health with one component per provider, the broker and the database; metrics; info. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class OperationsEndpointsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("ops").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ProvinceSandbox sandbox;

    @Autowired
    CircuitBreakerRegistry breakers;

    SignedHttp http;

    @BeforeEach
    void connect() {
        http = new SignedHttp(URI.create("http://127.0.0.1:" + port));
    }

    @AfterEach
    void restore() {
        breakers.circuitBreaker("licence").reset();
        sandbox.restore(SandboxService.LICENCE);
    }

    @Test
    void health_listsEveryProviderTheBrokerAndTheDatabase() throws Exception {
        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(response.body()).path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jms").path("status").asText()).isEqualTo("UP");
        JsonNode providers = components.path("providers").path("components");
        // Licence, map and exchange have a breaker (their synchronous routes), identity too (staff sign-on).
        for (String provider : new String[] {"licence", "map", "exchange", "identity"}) {
            assertThat(providers.path(provider).path("status").asText()).as(provider).isEqualTo("UP");
            assertThat(providers.path(provider).path("details").path("circuitBreaker").asText()).as(provider)
                    .isEqualTo("CLOSED");
        }
        assertThat(providers.path("identity").path("details").path("probeResult").asText()).isEqualTo("HTTP 200");
        // Seal and payment are called on the durable path only, and have their breakers all the same.
        for (String provider : new String[] {"seal", "payment"}) {
            assertThat(providers.path(provider).path("status").asText()).as(provider).isNotIn("UNKNOWN", "");
        }
    }

    @Test
    void health_whenLicenceBreakerOpen_reportsLicenceDownButStaysReady() throws Exception {
        breakers.circuitBreaker("licence").transitionToOpenState();

        JsonNode health = JSON.readTree(http.get("/actuator/health").body());
        assertThat(health.path("components").path("providers").path("components").path("licence")
                .path("status").asText()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void health_whenLicenceBreakerHalfOpen_isDegradedWithTheReason_andStillAnswers200() throws Exception {
        breakers.circuitBreaker("licence").transitionToOpenState();
        breakers.circuitBreaker("licence").transitionToHalfOpenState();

        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).as("DEGRADED sorts below UP").isEqualTo("DEGRADED");
        JsonNode licence = health.path("components").path("providers").path("components").path("licence");
        assertThat(licence.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(licence.path("details").path("reason").asText())
                .isEqualTo("circuit breaker half-open: probing after failures");
    }

    @Test
    void prometheus_exposesJvmHttpAndCamelMetrics() {
        HttpResponse<String> response = http.get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("camel_");
    }

    @Test
    void prometheus_timesEveryRequest_butNotEachSecurityFilter() {
        http.get("/actuator/health");
        String metrics = http.get("/actuator/prometheus").body();

        assertThat(metrics).contains("http_server_requests_seconds_count");
        // Switched off for their cost (StaffSecurityConfiguration.securityObservationSettings).
        assertThat(metrics).doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations");
    }

    @Test
    void info_namesTheHub() throws Exception {
        JsonNode info = JSON.readTree(http.get("/actuator/info").body());

        assertThat(info.path("app").path("name").asText()).contains("Shanwei");
    }

    @Test
    void everyResponse_carriesARequestId() {
        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
}
