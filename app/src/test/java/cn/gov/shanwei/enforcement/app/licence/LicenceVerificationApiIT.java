package cn.gov.shanwei.enforcement.app.licence;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceStatus;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceVerification;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Flow 1 end to end: SDK → hub REST → access check → domain port → Camel route → CXF adapter → province sandbox,
 * and every failure the foundation issue names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.providers.licence.connect-timeout=300ms",
        "hub.providers.licence.read-timeout=700ms",
        "hub.providers.licence.total-timeout=3s",
        "hub.providers.licence.backoff-initial=50ms",
        "hub.providers.licence.backoff-max=200ms",
        "hub.providers.licence.open-state-wait=1s",
        "hub.providers.licence.retry-after-when-down=2s",
        "hub.clients.limited-system.secrets[0]=limited-system-secret-0123456789abcdef",
        "hub.clients.limited-system.services[0]=map.geocode"
})
class LicenceVerificationApiIT {

    static final String DEMO_ID = "sandbox-demo";
    static final String DEMO_SECRET = "sandbox-demo-secret-0123456789abcdef";
    static final String VALID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    static final String EXPIRED = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2019000002.001.K";
    static final String UNKNOWN = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2025999999.001.8";
    static final String PATH = "/api/v1/licences/verifications";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("licence-api").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ProvinceSandbox sandbox;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient client;
    SignedHttp http;

    @BeforeEach
    void connect() {
        sandbox.restore(SandboxService.LICENCE);
        breakers.circuitBreaker("licence").reset();
        client = EnforcementHubClient.builder()
                .endpoint("http://127.0.0.1:" + port)
                .credentials(DEMO_ID, DEMO_SECRET)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(6))
                .retryPolicy(RetryPolicy.none())
                .applicationName("licence-api-it")
                .build();
        http = new SignedHttp(URI.create("http://127.0.0.1:" + port));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void verify_whenLicenceValid_returnsFaceDataAndRecordsTheCall() {
        LicenceVerification verification = client.licences().verify(VerifyLicenceRequest.builder()
                .licenceId(VALID).matterCode("330217001000").caseNumber("SW-2026-0042").officerId("44150001")
                .build());

        assertThat(verification.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(verification.isValid()).isTrue();
        assertThat(verification.details()).hasValueSatisfying(details -> {
            assertThat(details.holderName()).isEqualTo("汕尾市城区海滨餐饮有限公司");
            assertThat(details.holderIdMasked()).isEqualTo("9144************3T");
            assertThat(details.validUntil()).hasToString("2044-02-29");
        });
        Map<String, Object> row = jdbc.sql("SELECT * FROM provider_call WHERE case_number = 'SW-2026-0042'")
                .query().singleRow();
        assertThat(row).containsEntry("calling_system", DEMO_ID).containsEntry("matter_code", "330217001000")
                .containsEntry("provider", "licence").containsEntry("outcome", "SUCCESS")
                .containsEntry("status", "SUCCESS");
        // the provider's part of the call (ADR 0918); a read keeps no idempotency key
        assertThat(row.get("provider_request_ts")).isNotNull();
        assertThat(row.get("provider_response_ts")).isNotNull();
        assertThat(((Number) row.get("request_bytes")).longValue()).isPositive();
        assertThat(((Number) row.get("response_bytes")).longValue()).isPositive();
        assertThat(row.get("idempotency_key")).isNull();
    }

    @Test
    void verify_whenLicenceExpired_saysSoWithoutAnError() {
        LicenceVerification verification = client.licences().verify(VerifyLicenceRequest.of(EXPIRED, "330217001000"));

        assertThat(verification.status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(verification.isValid()).isFalse();
    }

    @Test
    void verify_whenLicenceUnknown_returnsNotFoundResult() {
        LicenceVerification verification = client.licences().verify(VerifyLicenceRequest.of(UNKNOWN, "330217001000"));

        assertThat(verification.status()).isEqualTo(LicenceStatus.NOT_FOUND);
        assertThat(verification.details()).isEmpty();
    }

    @Test
    void verify_whenLicenceIdMalformed_answers400NamingTheField() {
        String mistyped = VALID.substring(0, VALID.length() - 1) + "A";

        assertThatThrownBy(() -> client.licences().verify(VerifyLicenceRequest.of(mistyped, "330217001000")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.fieldErrors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("licenceId");
                        assertThat(error.message()).contains("check character");
                    });
                });
    }

    @Test
    void verify_whenPurposeMissing_answers400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response = http.post(PATH, "{\"licenceId\":\"" + VALID + "\"}", DEMO_ID, DEMO_SECRET,
                null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("purpose");
        assertThat(problem.path("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void verify_whenBodyIsNotJson_answers400Malformed() throws Exception {
        HttpResponse<String> response = http.post(PATH, "{not json", DEMO_ID, DEMO_SECRET, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void verify_whenUnsigned_answers401Problem() throws Exception {
        HttpResponse<String> response = http.unsignedPost(PATH, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void verify_whenSignedWithWrongSecret_answers401() {
        HttpResponse<String> response = http.post(PATH, body(VALID), DEMO_ID,
                "not-the-secret-0123456789abcdef-xyz", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void verify_whenNonceReplayed_answers401TheSecondTime() {
        String nonce = "replay-test-nonce-0001";

        assertThat(http.post(PATH, body(VALID), DEMO_ID, DEMO_SECRET, nonce).statusCode()).isEqualTo(200);
        assertThat(http.post(PATH, body(VALID), DEMO_ID, DEMO_SECRET, nonce).statusCode()).isEqualTo(401);
    }

    @Test
    void verify_whenClientNotRegisteredForTheService_answers403() throws Exception {
        HttpResponse<String> response = http.post(PATH, body(VALID), "limited-system",
                "limited-system-secret-0123456789abcdef", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void verify_whenProviderDown_answers503WithRetryAfterWithinBudgetThenRecovers() {
        sandbox.simulateOutage(SandboxService.LICENCE);
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.licences().verify(VerifyLicenceRequest.of(VALID, "330217001000")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.provider()).isEqualTo("licence");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        sandbox.restore(SandboxService.LICENCE);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                .ignoreException(ProviderUnavailableException.class)
                .untilAsserted(() -> assertThat(client.licences()
                        .verify(VerifyLicenceRequest.of(VALID, "330217001000")).status())
                        .isEqualTo(LicenceStatus.VALID));
    }

    @Test
    void verify_whenProviderSlow_answers503WithinTheTotalTimeout() {
        sandbox.simulateLatency(SandboxService.LICENCE, Duration.ofSeconds(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.licences().verify(VerifyLicenceRequest.of(VALID, "330217001000")))
                .isInstanceOf(ProviderUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
    }

    private static String body(String licenceId) {
        return "{\"licenceId\":\"" + licenceId + "\",\"purpose\":{\"matterCode\":\"330217001000\"}}";
    }
}
