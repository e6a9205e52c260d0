package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.WebhookReceiver;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.payments.IssuePaymentNoticeRequest;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentItem;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNoticeState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.awaitility.Awaitility.await;

/**
 * The hub in sandbox mode with a municipal system ({@value #TOWN}) that issues payment notices and pushes records
 * through the hub and receives its webhooks at a real HTTP receiver ({@link #RECEIVER}), rotating its key (two
 * secrets); shared (one Spring context) by the payment API and webhook tests. Broker redelivery is quick here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.providers.payment.read-timeout=700ms",
        "hub.providers.webhook.read-timeout=2s",
        "hub.durable.redelivery-delay=200ms",
        "hub.durable.max-redelivery-delay=2s",
        "hub.clients." + PaymentsHubTest.TOWN + ".name=城区综合执法系统",
        "hub.clients." + PaymentsHubTest.TOWN + ".secrets[0]=" + PaymentsHubTest.OLD_SECRET,
        "hub.clients." + PaymentsHubTest.TOWN + ".secrets[1]=" + PaymentsHubTest.NEW_SECRET,
        "hub.clients." + PaymentsHubTest.TOWN + ".services[0]=payment.notice",
        "hub.clients." + PaymentsHubTest.TOWN + ".services[1]=exchange.push",
        "hub.clients." + PaymentsHubTest.TOWN + ".purposes[0]=payment.notice=" + PaymentsHubTest.MATTER,
        "hub.clients." + PaymentsHubTest.TOWN + ".purposes[1]=exchange.push=*",
        "hub.clients." + PaymentsHubTest.TOWN + ".payment-units[0]=" + PaymentsHubTest.UNIT,
        "hub.clients.licence-only.secrets[0]=" + PaymentsHubTest.OTHER_SECRET,
        "hub.clients.licence-only.services[0]=licence.verify"})
public abstract class PaymentsHubTest {

    public static final String TOWN = "town-portal";
    public static final String OLD_SECRET = "town-portal-old-secret-0123456789abcdef";
    public static final String NEW_SECRET = "town-portal-new-secret-fedcba9876543210";
    public static final String OTHER_SECRET = "licence-only-secret-0123456789abcdef-xy";
    public static final String DEMO_SECRET = "sandbox-demo-secret-0123456789abcdef";
    public static final String MATTER = "330217001000";
    public static final String UNIT = "SW-CQ-ZHZF";
    public static final String WEBHOOK_PATH = "/hub/events?system=" + TOWN;
    /** The town portal's webhook receiver; answers 204 unless a test says otherwise. */
    public static final WebhookReceiver RECEIVER = WebhookReceiver.onFreePort().start();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("payments-hub").toString());
        registry.add("hub.clients." + TOWN + ".webhook.url", () -> RECEIVER.url(WEBHOOK_PATH));
    }

    protected String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    protected EnforcementHubClient client(String clientId, String secret) {
        return EnforcementHubClient.builder().endpoint(endpoint()).credentials(clientId, secret)
                .retryPolicy(RetryPolicy.none()).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(8)).build();
    }

    /** A notice of {@code amountFen} for {@code businessKey}, billed by the town portal's unit. */
    protected static IssuePaymentNoticeRequest.Builder notice(String businessKey, long amountFen) {
        return IssuePaymentNoticeRequest.builder().businessKey(businessKey).decisionNumber("汕城综执罚〔2026〕9号")
                .payer("汕尾市城区海滨餐饮有限公司", "91441500MA4W123454").item(PaymentItem.fine(amountFen))
                .dueDate(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15)).unitCode(UNIT).regionCode("441502")
                .purpose(Purpose.of(MATTER).withCase("CQ-2026-0009"));
    }

    /** Waits until the notice has left {@code state}, and answers it. */
    protected static PaymentNotice awaitState(EnforcementHubClient client, String noticeId, PaymentNoticeState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> client.payments().get(noticeId).state() == state);
        return client.payments().get(noticeId);
    }
}
