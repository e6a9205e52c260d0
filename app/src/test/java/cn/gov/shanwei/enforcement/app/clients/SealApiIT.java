package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.seals.SealVerification;
import cn.gov.shanwei.enforcement.sdk.seals.SignDigestRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureState;
import cn.gov.shanwei.enforcement.sdk.seals.VerifySealRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/v1/seals} through the SDK: durable signing (202, poll, once per idempotency key, never twice at the
 * province even across its outage), local verification with the structured report, and the client registry's
 * {@code seal.sign} / {@code seal.verify} services.
 */
class SealApiIT extends SandboxHubTest {

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient demo;

    @BeforeEach
    void connect() {
        demo = client("sandbox-demo", "sandbox-demo-secret-0123456789abcdef", RetryPolicy.none());
    }

    @AfterEach
    void disconnect() {
        demo.close();
        sandbox.restore(SandboxService.SEAL);
    }

    private static SignDigestRequest request(String text) {
        return SignDigestRequest.builder().sealId("SEAL-SWSCJG-001").signerId("44150001")
                .dataHash(java.util.HexFormat.of().parseHex(cn.gov.shanwei.enforcement.domain.common.Sm3.ofUtf8(text)
                        .hex())).propertyInfo("/Doc_0/Signs/Sign_0/Signature.xml").matterCode(MATTER_CODE).build();
    }

    private SignatureRequest awaitSettled(String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> demo.seals().signature(requestId).state()
                != SignatureState.PENDING);
        return demo.seals().signature(requestId);
    }

    @Test
    void aSignatureRequestedDuringAnOutage_isMadeOnceTheProvinceIsBack_once() {
        sandbox.simulateOutage(SandboxService.SEAL);
        String key = "outage-" + UUID.randomUUID();

        SignatureRequest accepted = demo.seals().requestSignature(request(key), RequestOptions.none()
                .withIdempotencyKey(key));
        SignatureRequest again = demo.seals().requestSignature(request(key), RequestOptions.none()
                .withIdempotencyKey(key));

        assertThat(accepted.state()).isEqualTo(SignatureState.PENDING);
        assertThat(again.requestId()).isEqualTo(accepted.requestId());
        sandbox.restore(SandboxService.SEAL);
        SignatureRequest signed = awaitSettled(accepted.requestId());
        assertThat(signed.state()).isEqualTo(SignatureState.SIGNED);
        assertThat(signed.sesSignature()).isPresent();
        assertThat(sandbox.seal().signatureCount(accepted.requestId())).isEqualTo(1);
    }

    /**
     * The seal service has no synchronous route, yet its breaker guards the durable calls (issue 6): failing calls open
     * it, and while it is open queued signatures wait for their redelivery without a single request to the province;
     * once it is back every signature is made exactly once.
     */
    @Test
    void whileTheSealServiceIsDown_itsBreakerOpens_andQueuedSignaturesWaitWithoutCallingIt_thenAreMadeOnceEach()
            throws Exception {
        CircuitBreaker breaker = breakers.find(Provider.SEAL.code()).orElseThrow();
        sandbox.simulateOutage(SandboxService.SEAL);
        List<String> requested = new ArrayList<>();
        try {
            requested.addAll(requestSignatures("breaker-first", 6));
            await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            long reached = settledRequestCount();
            assertThat(reached).isPositive();

            List<String> whileOpen = requestSignatures("breaker-open", 4);
            requested.addAll(whileOpen);
            // Each was taken by a consumer (a claim stamps last_attempt_at) and given back uncounted.
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_message"
                            + " WHERE business_key IN (:keys) AND last_attempt_at IS NOT NULL AND attempts = 0"
                            + " AND state = 'QUEUED'")
                    .param("keys", whileOpen).query(Integer.class).single() == whileOpen.size());

            assertThat(breaker.getState()).as("still open: the refusals were the breaker's").isEqualTo(
                    CircuitBreaker.State.OPEN);
            assertThat(sandbox.requestCount(SandboxService.SEAL)).as("nothing sent while the breaker is open")
                    .isEqualTo(reached);
            assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE business_key IN (:keys)")
                    .param("keys", whileOpen).query(String.class).list())
                    .as("why a call waits, once it was the first of its batch")
                    .anySatisfy(error -> assertThat(error).startsWith("not sent: ProviderUnavailableException"));
            JsonNode providers = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint() + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("components").path("providers")
                    .path("components");
            for (String provider : new String[] {"seal", "payment"}) {
                assertThat(providers.path(provider).path("status").asText()).as(provider)
                        .isNotIn("UNKNOWN", "");
            }
        } finally {
            sandbox.restore(SandboxService.SEAL);
        }

        for (String requestId : requested) {
            assertThat(awaitSettled(requestId).state()).as(requestId).isEqualTo(SignatureState.SIGNED);
            assertThat(sandbox.seal().signatureCount(requestId)).as(requestId).isEqualTo(1);
        }
    }

    /** The seal service's request count once the calls under way when the breaker opened have arrived. */
    private long settledRequestCount() throws InterruptedException {
        long before;
        long after = sandbox.requestCount(SandboxService.SEAL);
        do {
            before = after;
            Thread.sleep(300);
            after = sandbox.requestCount(SandboxService.SEAL);
        } while (after != before);
        return after;
    }

    private List<String> requestSignatures(String prefix, int count) {
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = prefix + "-" + i + "-" + UUID.randomUUID();
            requestIds.add(demo.seals().requestSignature(request(key), RequestOptions.none().withIdempotencyKey(key))
                    .requestId());
        }
        return requestIds;
    }

    @Test
    void anExpiredSeal_isRefused_andSaysWhy() {
        SignatureRequest accepted = demo.seals().requestSignature(SignDigestRequest.builder()
                .sealId("SEAL-LFSCJG-2019").signerId("44150006").dataHash(new byte[32])
                .propertyInfo("/Doc_0/Signs/Sign_0/Signature.xml").matterCode(MATTER_CODE).build());

        SignatureRequest refused = awaitSettled(accepted.requestId());

        assertThat(refused.state()).isEqualTo(SignatureState.REFUSED);
        assertThat(refused.problem()).hasValueSatisfying(p -> assertThat(p).contains("SEAL_EXPIRED"));
    }

    @Test
    void unregisteredClientsAreDenied_andAnUnknownRequestIsNotFound() {
        SignatureRequest accepted = demo.seals().requestSignature(request("mine " + UUID.randomUUID()));
        try (EnforcementHubClient other = client("market-supervision", NEW_SECRET, RetryPolicy.none())) {
            assertThatThrownBy(() -> other.seals().signature(accepted.requestId()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> other.seals().verify(VerifySealRequest.of(new byte[] {1})))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> demo.seals().signature("SR-nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInput_isNamedByField() {
        assertThatThrownBy(() -> SignDigestRequest.builder().sealId("x").signerId("44150001").dataHash(new byte[31])
                .propertyInfo("p").matterCode(MATTER_CODE).build()).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting("field")
                        .contains("sealId", "dataHash"));
        // Server side: something that is not an OFD is a report with its problem, not an error.
        SealVerification notOfd = demo.seals().verify(VerifySealRequest.of("not a zip".getBytes(
                StandardCharsets.UTF_8)));
        assertThat(notOfd.valid()).isFalse();
        assertThat(notOfd.problem()).isPresent();
    }
}
