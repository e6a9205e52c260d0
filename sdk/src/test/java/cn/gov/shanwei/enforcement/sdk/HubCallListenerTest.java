package cn.gov.shanwei.enforcement.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ServerException;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceStatus;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HubCallListenerTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/licences/verifications";
    private static final VerifyLicenceRequest REQUEST = VerifyLicenceRequest.of("1.2.156.3005.2.X", "440100-1");
    private static final String VALID = """
            {"licenceId":"1.2.156.3005.2.X","status":"VALID","valid":true,"checkedAt":"2026-11-27T05:00:00Z"}""";

    private final List<HubCallEvent> events = new CopyOnWriteArrayList<>();

    private EnforcementHubClient client(HubCallListener... extra) {
        EnforcementHubClient.Builder builder = EnforcementHubClient.builder()
                .endpoint(HUB.baseUrl())
                .credentials("market-supervision", "secret-0123456789")
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .listener(events::add);
        for (HubCallListener listener : extra) {
            builder.listener(listener);
        }
        return builder.build();
    }

    @Test
    void listener_whenCallSucceeds_isToldOperationStatusAndAttempts() {
        HUB.stubFor(post(PATH).willReturn(okJson(VALID).withHeader("X-Request-Id", "hub-req-1")));

        try (EnforcementHubClient client = client()) {
            assertThat(client.licences().verify(REQUEST).status()).isEqualTo(LicenceStatus.VALID);
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.operation()).isEqualTo("licences.verify");
            assertThat(event.method()).isEqualTo("POST");
            assertThat(event.path()).isEqualTo(PATH);
            assertThat(event.status()).isEqualTo(200);
            assertThat(event.succeeded()).isTrue();
            assertThat(event.errorCode()).isNull();
            assertThat(event.attempts()).isEqualTo(1);
            assertThat(event.requestId()).isEqualTo("hub-req-1");
            assertThat(event.duration()).isPositive();
        });
    }

    @Test
    void listener_whenRetriedThenSucceeds_seesOneEventWithBothAttempts() {
        HUB.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        HUB.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(VALID)));

        try (EnforcementHubClient client = client()) {
            client.licences().verify(REQUEST);
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.attempts()).isEqualTo(2);
            assertThat(event.status()).isEqualTo(200);
        });
    }

    @Test
    void listener_whenCallFails_isToldTheHubsErrorCode() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":403,\"code\":\"PURPOSE_NOT_ALLOWED\",\"detail\":\"no\"}")));

        try (EnforcementHubClient client = client()) {
            assertThatThrownBy(() -> client.licences().verify(REQUEST)).isInstanceOf(AccessDeniedException.class);
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.succeeded()).isFalse();
            assertThat(event.status()).isEqualTo(403);
            assertThat(event.errorCode()).isEqualTo("PURPOSE_NOT_ALLOWED");
        });
    }

    @Test
    void listener_whenFailureHasNoProblemBody_isToldTheExceptionName() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(501).withBody("not implemented")));

        try (EnforcementHubClient client = client()) {
            assertThatThrownBy(() -> client.licences().verify(REQUEST)).isInstanceOf(ServerException.class);
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(501);
            assertThat(event.errorCode()).isEqualTo("ServerException");
        });
    }

    @Test
    void listener_whenItThrows_doesNotBreakTheCallNorLaterListeners() {
        HUB.stubFor(post(PATH).willReturn(okJson(VALID)));
        List<HubCallEvent> later = new CopyOnWriteArrayList<>();

        try (EnforcementHubClient client = client(event -> {
            throw new IllegalStateException("metrics backend down");
        }, later::add)) {
            assertThat(client.licences().verify(REQUEST).isValid()).isTrue();
        }

        assertThat(events).hasSize(1);
        assertThat(later).hasSize(1);
    }
}
