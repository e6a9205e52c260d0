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
