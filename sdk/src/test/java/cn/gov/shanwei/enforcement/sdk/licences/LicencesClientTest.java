package cn.gov.shanwei.enforcement.sdk.licences;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.HubTimeoutException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.RateLimitedException;
import cn.gov.shanwei.enforcement.sdk.errors.ServerException;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicencesClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/licences/verifications";
    private static final String CLIENT_ID = "market-supervision";
    private static final String SECRET = "sandbox-secret-值";
    private static final String LICENCE_ID = "1.2.156.3005.2.11100000000013338W.91440300MA5FXXXX3F.0001.001.K";
    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40)).build();
    private static final VerifyLicenceRequest REQUEST = VerifyLicenceRequest.builder()
            .licenceId(LICENCE_ID).matterCode("440100-XZCF-0001").build();

    private static final String VALID_BODY = """
            {"licenceId":"%s","status":"VALID","valid":true,
             "details":{"licenceName":"营业执照","catalogueCode":"11100000000013338W","holderName":"汕尾市某某有限公司",
                        "holderIdMasked":"9144************3F","issuerName":"汕尾市市场监督管理局",
                        "validFrom":"2024-03-01","validUntil":"2044-02-29","futureField":1},
             "checkedAt":"2026-11-27T05:00:00Z","somethingNew":{"x":1}}""".formatted(LICENCE_ID);

    private static EnforcementHubClient client(RetryPolicy policy, Duration perAttempt, Duration total) {
        return client(HUB.baseUrl(), policy, perAttempt, total);
    }

    private static EnforcementHubClient client(String endpoint, RetryPolicy policy, Duration perAttempt,
                                               Duration total) {
        return EnforcementHubClient.builder()
                .endpoint(endpoint)
                .credentials(CLIENT_ID, SECRET)
                .applicationName("portal")
                .timeouts(perAttempt, total)
                .retryPolicy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private static EnforcementHubClient client(RetryPolicy policy) {
        return client(policy, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static ResponseDefinitionBuilder problem(int status, String code, String extra) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withHeader("X-Request-Id", "hub-req-" + status)
                .withBody("{\"type\":\"https://hub.example/problems/" + code + "\",\"title\":\"t\",\"status\":" + status
                        + ",\"detail\":\"detail of " + code + "\",\"instance\":\"" + PATH + "\",\"code\":\"" + code
                        + "\",\"requestId\":\"hub-req-" + status + "\"" + extra + "}");
    }

    private static List<LoggedRequest> received() {
        return HUB.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    private static <T extends Throwable> T verifyFails(EnforcementHubClient client, Class<T> type) {
        try (client) {
            return catchThrowableOfType(type, () -> client.licences().verify(REQUEST));
        }
    }

    @Test
    void verify_whenLicenceValid_mapsEveryField() {
        HUB.stubFor(post(PATH).willReturn(okJson(VALID_BODY)));

        LicenceVerification result;
        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            result = client.licences().verify(REQUEST);
        }

        assertThat(result.isValid()).isTrue();
        assertThat(result.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(result.licenceId()).isEqualTo(LICENCE_ID);
        assertThat(result.checkedAt()).isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(result.details()).contains(new LicenceDetails("营业执照", "11100000000013338W", "汕尾市某某有限公司",
                "9144************3F", "汕尾市市场监督管理局", LocalDate.of(2024, 3, 1), LocalDate.of(2044, 2, 29)));
    }

    @Test
    void verify_whenLicenceUnknown_returnsNotFoundResultWithoutDetails() {
        HUB.stubFor(post(PATH).willReturn(okJson("{\"licenceId\":\"" + LICENCE_ID
                + "\",\"status\":\"NOT_FOUND\",\"valid\":false,\"details\":null,\"checkedAt\":\"2026-11-27T05:00:00Z\"}")));

        LicenceVerification result;
        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            result = client.licences().verify(REQUEST);
        }

        assertThat(result.status()).isEqualTo(LicenceStatus.NOT_FOUND);
        assertThat(result.isValid()).isFalse();
        assertThat(result.details()).isEmpty();
    }

    @Test
    void verify_whenCalled_sendsContractHeadersBodyAndSignatureTheHubCanRecompute() throws Exception {
        HUB.stubFor(post("/gateway" + PATH).willReturn(okJson(VALID_BODY)));

        try (EnforcementHubClient client = client(HUB.baseUrl() + "/gateway/", FAST_RETRIES,
                Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            client.licences().verify(VerifyLicenceRequest.builder().licenceId(LICENCE_ID)
                    .matterCode("440100-XZCF-0001").officerId("44150001").build());
        }

        LoggedRequest request = HUB.findAll(postRequestedFor(urlEqualTo("/gateway" + PATH))).get(0);
        assertThat(request.getHeader("X-Hub-Client-Id")).isEqualTo(CLIENT_ID);
        assertThat(request.getHeader("X-Hub-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.getHeader("X-Hub-Nonce")).matches("[A-Za-z0-9-]{16,64}");
        assertThat(request.getHeader("User-Agent")).matches("enforcement-hub-sdk-java/\\d+\\.\\d+\\.\\d+\\S* \\(portal\\)");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("X-Request-Id")).isNotBlank();
        assertThat(request.getHeader("Idempotency-Key")).isNotBlank();
        HUB.verify(postRequestedFor(urlEqualTo("/gateway" + PATH)).withRequestBody(equalToJson("""
                {"licenceId":"%s","purpose":{"matterCode":"440100-XZCF-0001","officerId":"44150001"}}"""
                .formatted(LICENCE_ID))));

        // Recomputed here from the received bytes, independently of HubRequestSignature.
        String canonical = "POST\n/gateway" + PATH + "\n" + NOW.getEpochSecond() + "\n"
                + request.getHeader("X-Hub-Nonce") + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBody()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("X-Hub-Signature")).isEqualTo(expected);
    }

    @Test
    void verify_whenRequestInvalid_sendsNothing() {
        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            assertThatThrownBy(() -> client.licences().verify(VerifyLicenceRequest.of(LICENCE_ID, "")))
                    .isInstanceOf(ValidationException.class);
        }

        assertThat(HUB.getAllServeEvents()).isEmpty();
    }

    @Test
    void verify_whenHubRejectsFields_throwsValidationExceptionWithFieldErrors() {
        HUB.stubFor(post(PATH).willReturn(problem(400, "VALIDATION_FAILED",
                ",\"errors\":[{\"field\":\"licenceId\",\"message\":\"check character is wrong\"}]")));

        ValidationException e = verifyFails(client(FAST_RETRIES), ValidationException.class);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(e.requestId()).isEqualTo("hub-req-400");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("licenceId", "check character is wrong"));
        assertThat(e).hasMessageContaining("detail of VALIDATION_FAILED");
        assertThat(received()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "401, AUTHENTICATION_FAILED, cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException",
            "403, ACCESS_DENIED, cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException",
            "404, NOT_FOUND, cn.gov.shanwei.enforcement.sdk.errors.NotFoundException",
            "409, CONFLICT, cn.gov.shanwei.enforcement.sdk.errors.ConflictException",
            "500, INTERNAL_ERROR, cn.gov.shanwei.enforcement.sdk.errors.ServerException",
            "422, VALIDATION_FAILED, cn.gov.shanwei.enforcement.sdk.errors.ValidationException",
            "418, TEAPOT, cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException"})
    void verify_whenHubAnswersProblem_throwsExceptionOfThatStatus(int status, String code, Class<?> type) {
        HUB.stubFor(post(PATH).willReturn(problem(status, code, "")));

        HubException e = verifyFails(client(RetryPolicy.none()), HubException.class);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.requestId()).isEqualTo("hub-req-" + status);
    }

    @Test
    void verify_whenConflictPersists_retriesThenThrowsConflict() {
        HUB.stubFor(post(PATH).willReturn(problem(409, "CONFLICT", "")));

        ConflictException e = verifyFails(client(FAST_RETRIES), ConflictException.class);

        assertThat(received()).hasSize(3);
        assertThat(e.getSuppressed()).hasSize(2).allMatch(ConflictException.class::isInstance);
    }

    @Test
    void verify_whenErrorBodyIsNotJson_mapsByStatus() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Forbidden by gateway</body></html>")));

        AccessDeniedException e = verifyFails(client(FAST_RETRIES), AccessDeniedException.class);

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCode()).isNull();
        assertThat(e.requestId()).isNotBlank();
        assertThat(e).hasMessageContaining("without a problem body");
    }

    @Test
    void verify_whenGatewayAnswers502WithoutJson_retriesThenThrowsServerException() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        ServerException e = verifyFails(client(FAST_RETRIES), ServerException.class);

        assertThat(e).isExactlyInstanceOf(ServerException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(received()).hasSize(3);
    }

    @Test
    void verify_whenStatusUnknown_throwsUnexpectedResponseInsteadOfGuessing() {
        HUB.stubFor(post(PATH).willReturn(okJson("{\"licenceId\":\"" + LICENCE_ID
                + "\",\"status\":\"SUSPENDED\",\"valid\":false,\"checkedAt\":\"2026-11-27T05:00:00Z\"}")));

        UnexpectedResponseException e = verifyFails(client(FAST_RETRIES), UnexpectedResponseException.class);

        assertThat(e).hasMessageContaining("SUSPENDED");
        assertThat(e.status()).isEqualTo(200);
        assertThat(received()).hasSize(1);
    }

    @Test
    void verify_whenValidFlagContradictsStatus_throwsUnexpectedResponse() {
        HUB.stubFor(post(PATH).willReturn(okJson("{\"licenceId\":\"" + LICENCE_ID
                + "\",\"status\":\"REVOKED\",\"valid\":true,\"checkedAt\":\"2026-11-27T05:00:00Z\"}")));

        assertThat(verifyFails(client(FAST_RETRIES), UnexpectedResponseException.class))
                .hasMessageContaining("contradicting");
    }

    @Test
    void verify_whenSuccessBodyIsNotJson_throwsUnexpectedResponse() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("<html>login page</html>")));

        assertThat(verifyFails(client(FAST_RETRIES), UnexpectedResponseException.class))
                .hasMessageContaining("not the expected JSON");
    }

    @Test
    void verify_whenProviderUnavailableThenRecovers_succeedsAfterWaitingRetryAfter() {
        HUB.stubFor(post(PATH).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(503, "PROVIDER_UNAVAILABLE", ",\"provider\":\"licence\",\"retryAfterSeconds\":1")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        HUB.stubFor(post(PATH).inScenario("outage").whenScenarioStateIs("recovered").willReturn(okJson(VALID_BODY)));

        LicenceVerification result;
        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            result = client.licences().verify(REQUEST);
        }

        assertThat(result.isValid()).isTrue();
        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        long waitedMillis = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isBetween(1000L, 2500L);
    }

    @Test
    void verify_whenRetryAfterExceedsTotalBudget_throwsProviderUnavailableAtOnce() {
        HUB.stubFor(post(PATH).willReturn(problem(503, "PROVIDER_UNAVAILABLE", ",\"provider\":\"licence\"")
                .withHeader("Retry-After", "30")));

        long start = System.nanoTime();
        ProviderUnavailableException e = verifyFails(
                client(FAST_RETRIES, Duration.ofSeconds(1), Duration.ofSeconds(3)), ProviderUnavailableException.class);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(Duration.ofMillis(1000));
        assertThat(e.provider()).isEqualTo("licence");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.errorCode()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(received()).hasSize(1);
    }

    @Test
    void verify_whenRateLimitedBeyondBudget_throwsRateLimitedWithRetryAfterFromHttpDate() {
        HUB.stubFor(post(PATH).willReturn(problem(429, "RATE_LIMITED", "")
                .withHeader("Retry-After", "Fri, 27 Nov 2026 05:01:00 GMT")));

        RateLimitedException e = verifyFails(client(FAST_RETRIES), RateLimitedException.class);

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(received()).hasSize(1);
    }

    @Test
    void verify_whenRetried_reusesIdempotencyKeyAndRequestIdWithFreshNonce() {
        HUB.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(500, "INTERNAL_ERROR", "")).willSetStateTo("fine"));
        HUB.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("fine").willReturn(okJson(VALID_BODY)));

        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            client.licences().verify(REQUEST);
        }

        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).doesNotContainNull().containsOnly(
                requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests).extracting(r -> r.getHeader("X-Request-Id")).containsOnly(
                requests.get(0).getHeader("X-Request-Id"));
        assertThat(requests.get(0).getHeader("X-Hub-Nonce")).isNotEqualTo(requests.get(1).getHeader("X-Hub-Nonce"));
    }

    @Test
    void verify_whenOptionsGiven_sendsCallersIdempotencyKeyAndRequestId() {
        HUB.stubFor(post(PATH).willReturn(okJson(VALID_BODY)));

        try (EnforcementHubClient client = client(FAST_RETRIES)) {
            client.licences().verify(REQUEST,
                    RequestOptions.none().withIdempotencyKey("case-2026-001:licence").withRequestId("trace-42"));
        }

        HUB.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Idempotency-Key", equalTo("case-2026-001:licence"))
                .withHeader("X-Request-Id", equalTo("trace-42")));
    }

    @Test
    void verify_whenConnectionRefused_throwsTransportExceptionAfterAllAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TransportException e = verifyFails(client("http://127.0.0.1:" + closedPort, FAST_RETRIES,
                Duration.ofSeconds(2), Duration.ofSeconds(5)), TransportException.class);

        assertThat(e).isExactlyInstanceOf(TransportException.class);
        assertThat(e.status()).isZero();
        assertThat(e.requestId()).isNotBlank();
        assertThat(e).hasCauseInstanceOf(ConnectException.class);
        assertThat(e.getSuppressed()).hasSize(2);
    }

    @Test
    void verify_whenEveryAttemptTooSlow_retriesThenThrowsTimeoutWithinTotalBudget() {
        // A server of its own: an attempt the client gives up on at the end of the budget may still reach the server
        // after this test, and it must not be counted by the next test's journal (a CI run saw a fourth request in
        // verify_whenConflictPersists_retriesThenThrowsConflict, with another idempotency key).
        WireMockServer slow = new WireMockServer(wireMockConfig().dynamicPort());
        slow.start();
        try {
            slow.stubFor(post(PATH).willReturn(okJson(VALID_BODY).withFixedDelay(3000)));
            RetryPolicy patient = RetryPolicy.builder().maxAttempts(10)
                    .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build();

            long start = System.nanoTime();
            HubTimeoutException e = verifyFails(client(slow.baseUrl(), patient, Duration.ofMillis(250),
                    Duration.ofMillis(800)), HubTimeoutException.class);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(elapsed).isBetween(Duration.ofMillis(700), Duration.ofMillis(1500));
            assertThat(e.errorCode()).isEqualTo(HubTimeoutException.ERROR_CODE);
            assertThat(e.getSuppressed()).isNotEmpty().allMatch(HubTimeoutException.class::isInstance);
            assertThat(slow.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSizeGreaterThanOrEqualTo(2);
        } finally {
            slow.stop();
        }
    }
}
