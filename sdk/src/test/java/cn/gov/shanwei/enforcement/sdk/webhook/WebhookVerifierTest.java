package cn.gov.shanwei.enforcement.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final String SECRET = "callback-secret";
    private static final String PATH = "/callbacks/payments";
    private static final byte[] BODY = "{\"noticeNo\":\"N-1\",\"paid\":true}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).clock(clock)
            .replayCacheSize(2).build();

    private static Map<String, List<String>> signedHeaders(Instant at, String nonce, byte[] body) {
        String canonical = HubRequestSignature.canonical("POST", PATH, at.getEpochSecond(), nonce, body);
        return Map.of("x-hub-timestamp", List.of(Long.toString(at.getEpochSecond())),
                "X-HUB-NONCE", List.of(nonce),
                "X-Hub-Signature", List.of(HubRequestSignature.sign(SECRET, canonical)));
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void verify_whenGenuineAndFresh_accepts() {
        assertThatCode(() -> verifier.verify("POST", PATH, signedHeaders(NOW, "nonce-0000000001", BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_whenBodyAltered_refusesAsBadSignature() {
        Map<String, List<String>> headers = signedHeaders(NOW, "nonce-0000000001", BODY);

        assertRefused(() -> verifier.verify("POST", PATH, headers, "{\"paid\":false}".getBytes(StandardCharsets.UTF_8)),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenTimestampOutsideWindow_refusesAsStale() {
        Map<String, List<String>> old = signedHeaders(NOW.minusSeconds(301), "nonce-0000000001", BODY);
        Map<String, List<String>> future = signedHeaders(NOW.plusSeconds(301), "nonce-0000000002", BODY);

        assertRefused(() -> verifier.verify("POST", PATH, old, BODY), Reason.STALE);
        assertRefused(() -> verifier.verify("POST", PATH, future, BODY), Reason.STALE);
    }

    @Test
    void verify_whenNonceReplayedWithinWindow_refusesAsReplayed() {
        Map<String, List<String>> headers = signedHeaders(NOW, "nonce-0000000001", BODY);
        verifier.verify("POST", PATH, headers, BODY);
        clock.advance(Duration.ofSeconds(200));

        assertRefused(() -> verifier.verify("POST", PATH, headers, BODY), Reason.REPLAYED);
    }

    @Test
    void verify_whenHeaderMissingOrMalformed_refusesAsMalformed() {
        assertRefused(() -> verifier.verify("POST", PATH, Map.of(), BODY), Reason.MALFORMED);
        assertRefused(() -> verifier.verify("POST", PATH, "12x", "nonce-0000000001", "sig", BODY), Reason.MALFORMED);
        assertRefused(() -> verifier.verify("POST", PATH, "1", "short", "sig", BODY), Reason.MALFORMED);
    }

    @Test
    void verify_whenCacheFull_forgetsOldestNonceFirst() {
        Map<String, List<String>> first = signedHeaders(NOW, "nonce-0000000001", BODY);
        verifier.verify("POST", PATH, first, BODY);
        verifier.verify("POST", PATH, signedHeaders(NOW, "nonce-0000000002", BODY), BODY);
        Map<String, List<String>> third = signedHeaders(NOW, "nonce-0000000003", BODY);
        verifier.verify("POST", PATH, third, BODY);

        assertRefused(() -> verifier.verify("POST", PATH, third, BODY), Reason.REPLAYED);
        assertThatCode(() -> verifier.verify("POST", PATH, first, BODY)).doesNotThrowAnyException();
    }

    private static final String EVENT = """
            {"id":"evt-5f0c2a","type":"payment.paid","occurredAt":"2026-11-27T04:59:58Z",
             "data":{"noticeId":"PC-1","businessKey":"mkt-1","state":"PAID","amountFen":200000,
                     "dueDate":"2026-12-15","noticeNumber":"44152026112700000001","payCode":"94152026112700000001",
                     "payUrl":"https://pay.example/p","paidFen":200000,"paidAt":"2026-11-27T04:59:00Z",
                     "createdAt":"2026-11-27T04:00:00Z"}}""";

    private static Map<String, List<String>> hubHeaders(List<String> secrets, String nonce, byte[] body,
                                                        String eventId) {
        String canonical = HubRequestSignature.canonical("POST", PATH, NOW.getEpochSecond(), nonce, body);
        return Map.of("X-Hub-Timestamp", List.of(Long.toString(NOW.getEpochSecond())),
                "X-Hub-Nonce", List.of(nonce),
                "X-Hub-Signature", List.of(WebhookSignature.signatureHeader(secrets.stream()
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(), canonical)),
                WebhookSignature.EVENT_ID_HEADER, List.of(eventId));
    }

    @Test
    void verifyEvent_readsTheSignedEvent_andItsPaymentNotice() {
        byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);

        WebhookEvent event = verifier.verifyEvent("POST", PATH, hubHeaders(List.of(SECRET), "nonce-0000000001", body,
                "evt-5f0c2a"), body);

        assertThat(event.id()).isEqualTo("evt-5f0c2a");
        assertThat(event.type()).isEqualTo(WebhookEvent.PAYMENT_PAID);
        assertThat(event.paymentNotice().isPaid()).isTrue();
        assertThat(event.paymentNotice().paidFen()).hasValue(200_000);
        assertThatThrownBy(event::pushStatus).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verifyEvent_whileTheKeyIsRotated_acceptsEitherSideHavingSwitched() {
        byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
        String newSecret = "callback-secret-new";
        WebhookVerifier oldOnly = WebhookVerifier.builder().secret(SECRET).clock(clock).build();
        WebhookVerifier newOnly = WebhookVerifier.builder().secret(newSecret).clock(clock).build();
        WebhookVerifier both = WebhookVerifier.builder().secrets(SECRET, newSecret).clock(clock).build();
        Map<String, List<String>> signedWithBoth = hubHeaders(List.of(SECRET, newSecret), "nonce-0000000001", body,
                "evt-5f0c2a");
        Map<String, List<String>> signedWithNew = hubHeaders(List.of(newSecret), "nonce-0000000002", body,
                "evt-5f0c2a");

        assertThat(signedWithBoth.get("X-Hub-Signature").get(0)).contains(WebhookSignature.SEPARATOR);
        assertThatCode(() -> oldOnly.verifyEvent("POST", PATH, signedWithBoth, body)).doesNotThrowAnyException();
        assertThatCode(() -> newOnly.verifyEvent("POST", PATH, signedWithBoth, body)).doesNotThrowAnyException();
        assertThatCode(() -> both.verifyEvent("POST", PATH, signedWithNew, body)).doesNotThrowAnyException();
        assertRefused(() -> oldOnly.verifyEvent("POST", PATH, signedWithNew, body), Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyEvent_whenTheBodyIsNoEvent_orTheIdHeaderDisagrees_refusesAsMalformed() {
        byte[] notAnEvent = "{\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> verifier.verifyEvent("POST", PATH, hubHeaders(List.of(SECRET), "nonce-0000000001",
                notAnEvent, "evt-1"), notAnEvent), Reason.MALFORMED);
        assertRefused(() -> verifier.verifyEvent("POST", PATH, hubHeaders(List.of(SECRET), "nonce-0000000002", body,
                "evt-other"), body), Reason.MALFORMED);
    }

    @Test
    void verify_aSignatureHeaderWithManyEntries_readsOnlyTheFirstFour() {
        String canonical = HubRequestSignature.canonical("POST", PATH, NOW.getEpochSecond(), "nonce-0000000001", BODY);
        String genuine = HubRequestSignature.sign(SECRET, canonical);
        String header = "a, b, c, d, " + genuine;

        assertThat(WebhookSignature.signatures(header)).containsExactly("a", "b", "c", "d");
        assertRefused(() -> verifier.verify("POST", PATH, Long.toString(NOW.getEpochSecond()), "nonce-0000000001",
                header, BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void build_whenMoreThanTwoSecrets_fails() {
        assertThatThrownBy(() -> WebhookVerifier.builder().secrets("a", "b", "c").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two");
    }

    @Test
    void build_whenSecretMissing_failsNamingIt() {
        assertThatThrownBy(() -> WebhookVerifier.builder().build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("secret");
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
