package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.app.payment.PaymentsHubTest;
import cn.gov.shanwei.enforcement.app.support.WebhookReceiver;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.sdk.exchange.PushReceipt;
import cn.gov.shanwei.enforcement.sdk.exchange.PushRecordsRequest;
import cn.gov.shanwei.enforcement.sdk.exchange.PushState;
import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordStatus;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordType;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNoticeState;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookEvent;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookSignature;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerificationException;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks from the hub to a municipal system's real HTTP receiver (ADR 0913): the payment and exchange events of
 * what the system owns arrive signed as the SDK's {@link WebhookVerifier} checks (with either secret while its key is
 * rotated), in order per notice; a tampered, stale or replayed callback is refused by the verifier; while the
 * receiver is down or failing the events wait, and arrive once it is back, each under one event id.
 */
class WebhookDeliveryIT extends PaymentsHubTest {

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient town;

    @BeforeEach
    void connect() {
        town = client(TOWN, NEW_SECRET);
        RECEIVER.answer(204);
        RECEIVER.start();
    }

    @AfterEach
    void disconnect() {
        town.close();
        RECEIVER.answer(204);
        RECEIVER.start();
    }

    /** The receiver's requests about one resource (its id appears in the signed body), in arrival order. */
    private static List<WebhookReceiver.Delivery> about(String resourceId) {
        return RECEIVER.deliveries().stream()
                .filter(d -> new String(d.body(), StandardCharsets.UTF_8).contains("\"" + resourceId + "\""))
                .toList();
    }

    private static List<WebhookReceiver.Delivery> accepted(String resourceId) {
        return about(resourceId).stream().filter(d -> d.answered() / 100 == 2).toList();
    }

    private static WebhookVerifier verifier(String... secrets) {
        return WebhookVerifier.builder().secrets(secrets).build();
    }

    private static WebhookEvent verify(WebhookVerifier verifier, WebhookReceiver.Delivery d) {
        return verifier.verifyEvent(d.method(), d.pathAndQuery(), d.headers(), d.body());
    }

    private PaymentNotice issuedNotice(long amountFen) {
        PaymentNotice accepted = town.payments().issue(notice("wh-" + UUID.randomUUID(), amountFen).build());
        return awaitState(town, accepted.noticeId(), PaymentNoticeState.ISSUED);
    }

    @Test
    void paymentEvents_reachTheReceiver_signedAsTheSdkVerifies_withEitherSecret_inOrder() {
        PaymentNotice notice = issuedNotice(150_000);
        sandbox.payment().pay(notice.noticeNumber().orElseThrow(), null, "ALIPAY");
        awaitState(town, notice.noticeId(), PaymentNoticeState.PAID);

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(notice.noticeId()).size() == 2);
        List<WebhookReceiver.Delivery> deliveries = accepted(notice.noticeId());
        WebhookReceiver.Delivery issued = deliveries.get(0);
        WebhookReceiver.Delivery paid = deliveries.get(1);

        assertThat(issued.method()).isEqualTo("POST");
        assertThat(issued.pathAndQuery()).isEqualTo(WEBHOOK_PATH);
        assertThat(issued.header("Content-Type")).startsWith("application/json");
        assertThat(issued.header("X-Hub-Client-Id")).isEqualTo(TOWN);
        assertThat(WebhookSignature.signatures(issued.header("X-Hub-Signature")))
                .as("one signature per secret while the key is rotated").hasSize(2);
        WebhookEvent first = verify(verifier(NEW_SECRET), issued);
        WebhookEvent second = verify(verifier(OLD_SECRET), paid);
        assertThat(first.type()).isEqualTo(WebhookEvent.PAYMENT_NOTICE_ISSUED);
        assertThat(first.paymentNotice().noticeId()).isEqualTo(notice.noticeId());
        assertThat(first.paymentNotice().noticeNumber()).isEqualTo(notice.noticeNumber());
        assertThat(second.type()).isEqualTo(WebhookEvent.PAYMENT_PAID);
        assertThat(second.paymentNotice().isPaid()).isTrue();
        assertThat(second.paymentNotice().paidFen()).hasValue(150_000);
        assertThat(first.id()).isNotEqualTo(second.id()).isEqualTo(issued.header("X-Hub-Event-Id"));
        assertThat(first.occurredAt()).isBeforeOrEqualTo(second.occurredAt());
    }

    @Test
    void aTamperedStaleOrReplayedCallback_isRefusedByTheVerifier() {
        PaymentNotice notice = issuedNotice(800);
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(notice.noticeId()).size() == 1);
        WebhookReceiver.Delivery genuine = accepted(notice.noticeId()).get(0);
        WebhookVerifier verifier = verifier(NEW_SECRET);
        byte[] tampered = new String(genuine.body(), StandardCharsets.UTF_8).replace("\"amountFen\":800",
                "\"amountFen\":8").getBytes(StandardCharsets.UTF_8);
        WebhookVerifier tenMinutesLater = WebhookVerifier.builder().secrets(NEW_SECRET)
                .clock(Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC)).build();

        assertThatCode(() -> verify(verifier, genuine)).doesNotThrowAnyException();
        assertThat(tampered).isNotEqualTo(genuine.body());
        assertRefused(() -> verifier.verifyEvent("POST", genuine.pathAndQuery(), genuine.headers(), tampered),
                WebhookVerificationException.Reason.BAD_SIGNATURE);
        assertRefused(() -> verify(verifier, genuine), WebhookVerificationException.Reason.REPLAYED);
        assertRefused(() -> verify(tenMinutesLater, genuine), WebhookVerificationException.Reason.STALE);
        assertRefused(() -> verifier.verifyEvent("POST", "/other/path", genuine.headers(), genuine.body()),
                WebhookVerificationException.Reason.BAD_SIGNATURE);
        assertRefused(() -> verify(verifier("someone-elses-secret-0123456789abcdef"), genuine),
                WebhookVerificationException.Reason.BAD_SIGNATURE);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                      WebhookVerificationException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void whileTheReceiverFailsOrIsDown_eventsWait_andArriveOnceItIsBack_inOrder_eachUnderOneEventId() {
        RECEIVER.answer(503);
        PaymentNotice notice = issuedNotice(66_600);
        String issuedEvent = Webhooks.eventId(TOWN, WebhookEventType.PAYMENT_NOTICE_ISSUED, notice.noticeId(),
                notice.noticeNumber().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> about(notice.noticeId()).size() >= 2);
        RECEIVER.stop();                                   // now nobody listens: connection refused
        sandbox.payment().pay(notice.noticeNumber().orElseThrow(), null, "BANK");
        awaitState(town, notice.noticeId(), PaymentNoticeState.PAID);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(issuedEvent) >= 4);
        assertThat(accepted(notice.noticeId())).isEmpty();
        assertThat(jdbc.sql("SELECT state FROM outbox_message WHERE operation = 'webhook.payment-paid'"
                + " AND business_key = ?").param(notice.noticeId()).query(String.class).single())
                .as("payment.paid waits for payment.notice-issued of the same notice").isEqualTo("PENDING");

        RECEIVER.answer(204);
        RECEIVER.start();

        await().atMost(Duration.ofSeconds(40)).until(() -> accepted(notice.noticeId()).size() == 2);
        List<WebhookReceiver.Delivery> all = about(notice.noticeId());
        assertThat(all.stream().filter(d -> d.answered() == 503)).isNotEmpty();
        assertThat(all.stream().filter(d -> "payment.notice-issued".equals(d.header("X-Hub-Event-Type")))
                .map(d -> d.header("X-Hub-Event-Id")).distinct()).containsExactly(issuedEvent);
        assertThat(accepted(notice.noticeId())).extracting(d -> d.header("X-Hub-Event-Type"))
                .containsExactly("payment.notice-issued", "payment.paid");
        WebhookVerifier receiverSide = verifier(NEW_SECRET);
        assertThat(accepted(notice.noticeId()).stream().map(d -> verify(receiverSide, d).id()).distinct())
                .hasSize(2).contains(issuedEvent);
        assertThat(jdbc.sql("SELECT outcome FROM provider_call WHERE provider = 'webhook' AND calling_system = ?"
                        + " AND operation = 'payment-notice-issued' AND trace_id IN (SELECT trace_id FROM"
                        + " outbox_message WHERE idempotency_key = ?)").params(TOWN, issuedEvent)
                .query(String.class).list()).contains("UNAVAILABLE", "SUCCESS");
    }

    private int attempts(String eventId) {
        return jdbc.sql("SELECT attempts FROM outbox_message WHERE idempotency_key = ?").param(eventId)
                .query(Integer.class).optional().orElse(0);
    }

    @Test
    void aPushGetsItsCompletionEvent_withEachRecordsAnswer() {
        ExchangeRecord inspection = ExchangeRecord.of("cq-insp-" + UUID.randomUUID().toString().substring(0, 8),
                RecordType.INSPECTION, Instant.parse("2026-11-20T09:00:00Z"), Map.of(
                        "inspectionNumber", "汕城综执检〔2026〕7号", "inspectionType", "RANDOM",
                        "subjectName", "汕尾市城区海滨餐饮有限公司", "subjectUscc", "91441502MA4UJ0XX3T",
                        "inspectedOn", "2026-11-20", "outcome", "NO_PROBLEM",
                        "officerCertificates", List.of("44150201001", "44150201002"),
                        "authorityName", "汕尾市城区市场监督管理局", "authorityCode", "11441502MB2C9315XT",
                        "regionCode", "441502"));

        PushReceipt receipt = town.exchange().push(PushRecordsRequest.of(MATTER, List.of(inspection)));

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(receipt.trackingId()).size() == 1);
        WebhookEvent event = verify(verifier(NEW_SECRET), accepted(receipt.trackingId()).get(0));
        assertThat(event.type()).isEqualTo(WebhookEvent.EXCHANGE_PUSH_COMPLETED);
        PushStatus status = event.pushStatus();
        assertThat(status.trackingId()).isEqualTo(receipt.trackingId());
        assertThat(status.state()).isEqualTo(PushState.DELIVERED);
        assertThat(status.records()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo(inspection.recordId());
            assertThat(r.status()).isEqualTo(RecordStatus.ACCEPTED);
        });
        assertThat(status).isEqualTo(town.exchange().status(receipt.trackingId()));
    }
}
