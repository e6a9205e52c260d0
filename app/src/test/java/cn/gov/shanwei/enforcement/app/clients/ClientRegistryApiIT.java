package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException;
import cn.gov.shanwei.enforcement.sdk.errors.RateLimitedException;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceStatus;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.sdk.registration.ClientRegistration;
import cn.gov.shanwei.enforcement.sdk.registration.RateLimit;
import cn.gov.shanwei.enforcement.sdk.registration.ServiceGrant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The client registry through the SDK: purposes, key rotation, rate limits and the API audit record. */
class ClientRegistryApiIT extends SandboxHubTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void verify_withARegisteredPurpose_succeeds() {
        try (EnforcementHubClient hub = client("market-supervision", OLD_SECRET, RetryPolicy.none())) {
            assertThat(hub.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, MATTER_CODE)).status())
                    .isEqualTo(LicenceStatus.VALID);
        }
    }

    @Test
    void verify_withAnUnregisteredPurpose_answers403PurposeNotAllowed() {
        try (EnforcementHubClient hub = client("market-supervision", OLD_SECRET, RetryPolicy.none())) {
            assertThatThrownBy(() -> hub.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, "330299999000")))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.errorCode()).isEqualTo("PURPOSE_NOT_ALLOWED");
                        assertThat(e.getMessage()).contains("licence.verify=330299999000");
                    });
        }
    }

    @Test
    void verify_whenTheServiceHasNoPurposesListed_refusesEveryPurpose() {
        try (EnforcementHubClient hub = client("throttled-system", THROTTLED_SECRET, RetryPolicy.none())) {
            // This client's small rate budget may still be spent by the rate-limit test: wait for a token, not a 429.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThatThrownBy(() -> hub.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, MATTER_CODE)))
                            .isInstanceOfSatisfying(AccessDeniedException.class,
                                    e -> assertThat(e.errorCode()).isEqualTo("PURPOSE_NOT_ALLOWED")));
        }
    }

    @Test
    void keyRotation_bothSecretsWorkDuringRotation_andNoOtherDoes() {
        try (EnforcementHubClient before = client("market-supervision", OLD_SECRET, RetryPolicy.none());
             EnforcementHubClient after = client("market-supervision", NEW_SECRET, RetryPolicy.none());
             EnforcementHubClient wrong = client("market-supervision", NEW_SECRET + "x", RetryPolicy.none())) {
            assertThat(before.registration().get().clientId()).isEqualTo("market-supervision");
            assertThat(after.registration().get().clientId()).isEqualTo("market-supervision");
            assertThat(after.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, MATTER_CODE)).isValid())
                    .isTrue();
            assertThatThrownBy(() -> wrong.registration().get()).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void registration_showsServicesPurposesAndRateLimit() {
        ClientRegistration registration;
        try (EnforcementHubClient hub = client("market-supervision", NEW_SECRET, RetryPolicy.none())) {
            registration = hub.registration().get();
        }

        assertThat(registration.name()).isEqualTo("市场监管综合执法系统");
        assertThat(registration.services()).containsExactly(
                new ServiceGrant("licence.verify", List.of(MATTER_CODE)));
        assertThat(registration.rateLimit()).isEqualTo(new RateLimit(1000, 1000));
    }

    @Test
    void rateLimit_whenExceeded_answers429WithRetryAfter_whichTheSdkHonoursOnRetry() {
        try (EnforcementHubClient noRetry = client("throttled-system", THROTTLED_SECRET, RetryPolicy.none());
             EnforcementHubClient retrying = client("throttled-system", THROTTLED_SECRET, RetryPolicy.builder()
                     .maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20))
                     .build())) {
            rateLimitTime.pause();
            try {
                noRetry.registration().get();
                noRetry.registration().get();

                assertThatThrownBy(() -> noRetry.registration().get())
                        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                            assertThat(e.errorCode()).isEqualTo("RATE_LIMITED");
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                        });
            } finally {
                rateLimitTime.resume();
            }
            long start = System.nanoTime();
            assertThat(retrying.registration().get().clientId()).isEqualTo("throttled-system");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void rateLimit_isNotSpentByUnsignedRequestsInTheClientsName() {
        SignedHttp http = new SignedHttp(URI.create(endpoint()));
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/licences/verifications", "{}", "bench-system", "forged-secret-0123456789",
                    null).statusCode()).isEqualTo(401);
        }
        try (EnforcementHubClient hub = client("bench-system", BENCH_SECRET, RetryPolicy.none())) {
            assertThat(hub.registration().get().clientId()).isEqualTo("bench-system");
        }
    }

    @Test
    void audit_recordsEveryCallWithTheCallingSystemServiceStatusAndRequestId() {
        String requestId = "audit-" + UUID.randomUUID();
        try (EnforcementHubClient hub = client("market-supervision", NEW_SECRET, RetryPolicy.none())) {
            hub.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, MATTER_CODE),
                    RequestOptions.none().withRequestId(requestId));
        }

        Map<String, Object> row = await().atMost(Duration.ofSeconds(5)).until(() -> jdbc
                .sql("SELECT * FROM api_call WHERE request_id = ?").param(requestId).query().listOfRows(),
                rows -> rows.size() == 1).get(0);
        assertThat(row).containsEntry("client_id", "market-supervision").containsEntry("authenticated", true)
                .containsEntry("service", "licence.verify").containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/licences/verifications").containsEntry("status", 200);
        assertThat((String) row.get("user_agent")).contains("(registry-it)");
        assertThat(((Number) row.get("duration_ms")).longValue()).isNotNegative();
    }

    @Test
    void audit_recordsRefusedCallsAsUnauthenticated() {
        String requestId = "audit-401-" + UUID.randomUUID();
        try (EnforcementHubClient forged = client("market-supervision", "not-the-secret-0123456789abcdef",
                RetryPolicy.none())) {
            assertThatThrownBy(() -> forged.registration().get(RequestOptions.none().withRequestId(requestId)))
                    .isInstanceOf(AuthenticationException.class);
        }

        Map<String, Object> row = await().atMost(Duration.ofSeconds(5)).until(() -> jdbc
                .sql("SELECT * FROM api_call WHERE request_id = ?").param(requestId).query().listOfRows(),
                rows -> rows.size() == 1).get(0);
        assertThat(row).containsEntry("client_id", "market-supervision").containsEntry("authenticated", false)
                .containsEntry("status", 401).containsEntry("service", null);
    }

    @Test
    void licenceVerify_isAlsoInTheProviderCallRecordWithTheCallingSystem() {
        String requestId = "provider-" + UUID.randomUUID();
        try (EnforcementHubClient hub = client("market-supervision", OLD_SECRET, RetryPolicy.none())) {
            hub.licences().verify(VerifyLicenceRequest.of(VALID_LICENCE, MATTER_CODE),
                    RequestOptions.none().withRequestId(requestId));
        }

        assertThat(jdbc.sql("SELECT calling_system FROM provider_call WHERE trace_id = ?").param(requestId)
                .query(String.class).single()).isEqualTo("market-supervision");
    }

}
