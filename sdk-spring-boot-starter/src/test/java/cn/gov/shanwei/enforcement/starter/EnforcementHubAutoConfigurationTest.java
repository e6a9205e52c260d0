package cn.gov.shanwei.enforcement.starter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EnforcementHubAutoConfigurationTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String ME = "/api/v1/clients/me";
    private static final String REGISTRATION = """
            {"clientId":"market-supervision","name":"市场监管","services":[
              {"service":"licence.verify","purposes":["*"]}],"rateLimit":{"requestsPerSecond":20,"burst":40}}""";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EnforcementHubAutoConfiguration.class,
                    EnforcementHubMetricsAutoConfiguration.class, EnforcementHubHealthAutoConfiguration.class));

    private ApplicationContextRunner configured() {
        return runner.withPropertyValues(
                "enforcement.hub.endpoint=" + HUB.baseUrl(),
                "enforcement.hub.client-id=market-supervision",
                "enforcement.hub.client-secret=secret-0123456789abcdef",
                "enforcement.hub.retry.max-attempts=1");
    }

    @Test
    void client_whenConfigured_isCreatedWithTheProperties() {
        configured().withPropertyValues("enforcement.hub.timeouts.per-attempt=2s",
                "enforcement.hub.timeouts.total=4s").run(context -> {
            EnforcementHubClient hub = context.getBean(EnforcementHubClient.class);
            assertThat(hub.endpoint().toString()).isEqualTo(HUB.baseUrl());
            assertThat(hub.clientId()).isEqualTo("market-supervision");
            assertThat(hub.toString()).contains("perAttemptTimeout=PT2S", "totalTimeout=PT4S", "maxAttempts=1")
                    .doesNotContain("secret-0123456789abcdef");
            assertThat(context.getBean(EnforcementHubProperties.class).toString())
                    .doesNotContain("secret-0123456789abcdef");
        });
    }

    @Test
    void client_whenRequiredPropertiesMissing_failsStartUpNamingEachProperty() {
        runner.withPropertyValues("enforcement.hub.client-id=market-supervision").run(context -> {
            assertThat(context).hasFailed();
            InvalidHubPropertiesException failure = rootCause(context.getStartupFailure());
            assertThat(failure.problems()).containsExactly(
                    "enforcement.hub.endpoint is required: the hub's base URI, e.g. http://localhost:8080",
                    "enforcement.hub.client-secret is required: the secret registered at the hub");
            FailureAnalysis analysis = new InvalidHubPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("- enforcement.hub.endpoint is required");
            assertThat(analysis.getAction()).contains("enforcement.hub.enabled=false");
        });
    }

    @Test
    void client_whenSettingsInvalid_failsStartUpSayingWhy() {
        configured().withPropertyValues("enforcement.hub.endpoint=ftp://hub.example",
                "enforcement.hub.retry.max-attempts=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).problems()).containsExactlyInAnyOrder(
                    "enforcement.hub.endpoint: endpoint must be an absolute http or https URI, was ftp://hub.example",
                    "enforcement.hub.retry.*: maxAttempts must be at least 1, was 0");
        });
        configured().withPropertyValues("enforcement.hub.application-name=bad (name)").run(context ->
                assertThat(rootCause(context.getStartupFailure()).problems()).containsExactly(
                        "enforcement.hub.application-name: applicationName must be 1-64 printable ASCII characters"
                                + " without parentheses"));
    }

    @Test
    void client_whenPerAttemptExceedsTotal_failsStartUpNamingTheTimeouts() {
        configured().withPropertyValues("enforcement.hub.timeouts.per-attempt=20s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).problems()).singleElement().asString()
                    .startsWith("enforcement.hub.timeouts: perAttempt timeout (PT20S) must not exceed");
        });
    }

    @Test
    void client_whenApplicationDefinesOne_backsOff() {
        configured().withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(EnforcementHubClient.class);
            assertThat(context.getBean(EnforcementHubClient.class).clientId()).isEqualTo("own-client");
        });
    }

    @Test
    void client_whenDisabled_isNotCreatedAndNothingIsRequired() {
        runner.withPropertyValues("enforcement.hub.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EnforcementHubClient.class)
                    .doesNotHaveBean(EnforcementHubHealthIndicator.class);
        });
    }

    @Test
    void userAgent_withoutApplicationName_usesSpringApplicationName() {
        HUB.stubFor(get(ME).willReturn(okJson(REGISTRATION)));

        configured().withPropertyValues("spring.application.name=market-portal").run(context ->
                context.getBean(EnforcementHubClient.class).registration().get());

        HUB.verify(getRequestedFor(urlEqualTo(ME))
                .withHeader("User-Agent", matching("enforcement-hub-sdk-java/.+ \\(market-portal\\)")));
    }

    @Test
    void metrics_withMeterRegistry_timeEachCallByOperationAndOutcome() {
        HUB.stubFor(get(ME).willReturn(okJson(REGISTRATION)));

        configured().withUserConfiguration(Meters.class).run(context -> {
            EnforcementHubClient hub = context.getBean(EnforcementHubClient.class);
            hub.registration().get();
            hub.registration().get();
            HUB.stubFor(get(ME).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":401,\"code\":\"AUTHENTICATION_FAILED\"}")));
            try {
                hub.registration().get();
            } catch (AuthenticationException expected) {
                // recorded as a failure below
            }

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer success = registry.get(MicrometerHubCallListener.CALLS)
                    .tags("operation", "registration.get", "outcome", "success", "status", "200", "error", "none")
                    .timer();
            assertThat(success.count()).isEqualTo(2);
            assertThat(registry.get(MicrometerHubCallListener.CALLS)
                    .tags("outcome", "failure", "status", "401", "error", "AUTHENTICATION_FAILED").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(MicrometerHubCallListener.ATTEMPTS).summary().count()).isEqualTo(3);
        });
    }

    @Test
    void metrics_withoutMeterRegistryBean_addNoListener() {
        configured().run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MicrometerHubCallListener.class));
    }

    @Test
    void metrics_withoutMicrometerOnTheClasspath_stillStart() {
        configured().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(EnforcementHubClient.class)
                        .doesNotHaveBean(MicrometerHubCallListener.class));
    }

    @Test
    void health_whenHubAcceptsTheCredentials_isUpWithTheGrantedServices() {
        HUB.stubFor(get(ME).willReturn(okJson(REGISTRATION)));

        configured().run(context -> {
            Health health = context.getBean("enforcementHubHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("clientId", "market-supervision")
                    .containsEntry("services", List.of("licence.verify"));
        });
    }

    @Test
    void health_whenHubRejectsTheCredentials_isDownWithAHintAndTheRequestId() {
        HUB.stubFor(get(ME).willReturn(aResponse().withStatus(401).withHeader("X-Request-Id", "hub-req-401")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":401,\"code\":\"AUTHENTICATION_FAILED\",\"detail\":\"bad signature\"}")));

        configured().run(context -> {
            Health health = context.getBean(EnforcementHubHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 401)
                    .containsEntry("errorCode", "AUTHENTICATION_FAILED").containsEntry("requestId", "hub-req-401");
            assertThat((String) health.getDetails().get("hint")).contains("client-secret");
        });
    }

    @Test
    void health_whenHubUnreachable_isDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        configured().withPropertyValues("enforcement.hub.endpoint=http://127.0.0.1:" + closedPort).run(context -> {
            Health health = context.getBean(EnforcementHubHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 0).containsEntry("errorCode", "TRANSPORT_FAILED");
        });
    }

    @Test
    void health_whenRateLimited_isStillUp() {
        HUB.stubFor(get(ME).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":429,\"code\":\"RATE_LIMITED\"}")));

        configured().run(context -> assertThat(context.getBean(EnforcementHubHealthIndicator.class).health()
                .getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void health_whenDisabledOrActuatorAbsent_hasNoIndicator() {
        configured().withPropertyValues("management.health.enforcement-hub.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(EnforcementHubHealthIndicator.class));
        configured().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(EnforcementHubHealthIndicator.class));
    }

    private static InvalidHubPropertiesException rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidHubPropertiesException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an InvalidHubPropertiesException in %s", failure).isNotNull();
        return (InvalidHubPropertiesException) cause;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        EnforcementHubClient ownClient() {
            return EnforcementHubClient.builder().endpoint("http://127.0.0.1:1")
                    .credentials("own-client", "own-secret").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
