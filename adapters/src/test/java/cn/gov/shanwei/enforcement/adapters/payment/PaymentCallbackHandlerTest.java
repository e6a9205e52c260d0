package cn.gov.shanwei.enforcement.adapters.payment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentCallbackHandlerTest {

    static final byte[] SECRET = "payment-callback-secret-for-tests-0001".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    static final String NOTICE = "44150020261127000001";
    static final String TS = Long.toString(NOW.getEpochSecond());

    final InMemoryPaymentResultStoreForTests store = new InMemoryPaymentResultStoreForTests();
    final PaymentCallbackHandler handler = new PaymentCallbackHandler(
            new PaymentCallbackVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC)),
            n -> NOTICE.equals(n) ? OptionalLong.of(20_000) : OptionalLong.empty(), store);

    static byte[] body(String notice, long fen, String txn) {
        return ("{\"noticeNumber\":\"" + notice + "\",\"status\":\"PAID\",\"paidFen\":" + fen
                + ",\"paidAt\":\"2026-11-27T07:59:00Z\",\"channel\":\"WECHAT\",\"transactionId\":\"" + txn + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    CallbackOutcome send(String timestamp, byte[] body) {
        return handler.handle(timestamp, "nonce-0001", PaymentCallbackVerifier.sign(SECRET, timestamp, "nonce-0001",
                body), body);
    }

    @Test
    void handle_acceptsTheFirstResultOnly_andAnswersResendsWithoutChange() {
        assertThat(send(TS, body(NOTICE, 20_000, "wx1")).kind()).isEqualTo(CallbackOutcome.Kind.ACCEPTED);
        assertThat(send(TS, body(NOTICE, 20_000, "wx1")).kind()).isEqualTo(CallbackOutcome.Kind.DUPLICATE);
        CallbackOutcome late = send(TS, body(NOTICE, 20_000, "wx0-earlier-attempt"));
        assertThat(late.kind()).isEqualTo(CallbackOutcome.Kind.CONFLICTS_WITH_RECORDED);
        assertThat(late.needsReview()).isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void handle_neverTrustsTheAmountWithoutTheNotice() {
        assertThat(send(TS, body(NOTICE, 2_000, "wx1")).kind()).isEqualTo(CallbackOutcome.Kind.AMOUNT_MISMATCH);
        assertThat(send(TS, body("44150020261127999999", 20_000, "wx2")).kind())
                .isEqualTo(CallbackOutcome.Kind.UNKNOWN_NOTICE);
        assertThat(store.size()).isZero();
    }

    @Test
    void handle_whenSignatureIsForgedOrBodyAltered_refusesAndRecordsNothing() {
        byte[] body = body(NOTICE, 20_000, "wx1");
        String signature = PaymentCallbackVerifier.sign(SECRET, TS, "nonce-0001", body);
        assertThatThrownBy(() -> handler.handle(TS, "nonce-0001", signature, body(NOTICE, 20_001, "wx1")))
                .isInstanceOfSatisfying(PaymentCallbackRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentCallbackRejectedException.Reason.BAD_SIGNATURE));
        byte[] otherKey = "another-secret-of-sufficient-length-000".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> handler.handle(TS, "nonce-0001",
                PaymentCallbackVerifier.sign(otherKey, TS, "nonce-0001", body), body))
                .isInstanceOf(PaymentCallbackRejectedException.class);
        assertThatThrownBy(() -> handler.handle(TS, "nonce-0001", "XYZ", body))
                .isInstanceOf(PaymentCallbackRejectedException.class);
        assertThatThrownBy(() -> handler.handle(null, "nonce-0001", signature, body))
                .isInstanceOfSatisfying(PaymentCallbackRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentCallbackRejectedException.Reason.MISSING_SIGNATURE));
        assertThat(store.size()).isZero();
    }

    @Test
    void handle_whenReplayedOutsideTheWindow_refuses() {
        String old = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        assertThatThrownBy(() -> send(old, body(NOTICE, 20_000, "wx1")))
                .isInstanceOfSatisfying(PaymentCallbackRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentCallbackRejectedException.Reason.OUTSIDE_WINDOW));
        assertThat(send(Long.toString(NOW.minusSeconds(299).getEpochSecond()), body(NOTICE, 20_000, "wx1"))
                .accepted()).isTrue();
    }

    @Test
    void handle_whenSignedButMalformed_refuses() {
        for (String json : new String[] {"{}", "not json", "{\"noticeNumber\":\"" + NOTICE
                + "\",\"status\":\"PAID\",\"paidFen\":200.5,\"paidAt\":\"2026-11-27T07:59:00Z\",\"channel\":\"WECHAT\",\"transactionId\":\"t\"}",
                new String(body(NOTICE, 20_000, "t"), StandardCharsets.UTF_8).replace("PAID", "REFUNDED")}) {
            assertThatThrownBy(() -> send(TS, json.getBytes(StandardCharsets.UTF_8))).as(json)
                    .isInstanceOfSatisfying(PaymentCallbackRejectedException.class, e -> assertThat(e.reason())
                            .isEqualTo(PaymentCallbackRejectedException.Reason.MALFORMED_BODY));
        }
    }

    @Test
    void verifier_refusesAShortSecret() {
        assertThatThrownBy(() -> new PaymentCallbackVerifier(new byte[8], Duration.ofMinutes(5), Clock.systemUTC()))
                .hasMessageContaining("32 bytes");
    }
}
