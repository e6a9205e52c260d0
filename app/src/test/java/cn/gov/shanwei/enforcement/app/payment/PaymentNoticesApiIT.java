package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNoticeState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/v1/payments/notices} through the SDK against the sandbox's non-tax payment system: a municipal system's
 * notice is issued once per business key (202, then ISSUED; also when the province's answer is lost), its payment is
 * recorded, the registry decides who may bill for which matter and unit, bad input is refused by field with nothing
 * written, and every call is in the monitoring records with the calling system.
 */
class PaymentNoticesApiIT extends PaymentsHubTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    PaymentProvider provider;
    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient town;

    @BeforeEach
    void connect() {
        town = client(TOWN, NEW_SECRET);
    }

    @AfterEach
    void disconnect() {
        town.close();
        sandbox.restore(SandboxService.PAYMENT);
    }

    private List<String> outboxStates(String noticeId) {
        return jdbc.sql("SELECT state FROM outbox_message WHERE operation = 'payment.issue-client-notice'"
                + " AND business_key = ?").param(noticeId).query(String.class).list();
    }

    @Test
    void aNoticeIsIssuedOncePerBusinessKey_andItsPaymentIsRecorded() {
        String key = "cq-" + UUID.randomUUID();

        PaymentNotice accepted = town.payments().issue(notice(key, 200_000).build());
        PaymentNotice issued = awaitState(town, accepted.noticeId(), PaymentNoticeState.ISSUED);
        PaymentNotice again = town.payments().issue(notice(key, 200_000).build());

        assertThat(accepted.noticeId()).startsWith("PC-");
        assertThat(accepted.state()).isIn(PaymentNoticeState.PENDING, PaymentNoticeState.ISSUED);
        assertThat(accepted.amountFen()).isEqualTo(200_000);
        assertThat(again.noticeId()).isEqualTo(accepted.noticeId());
        assertThat(again.state()).isEqualTo(PaymentNoticeState.ISSUED);
        assertThat(issued.noticeNumber()).hasValueSatisfying(n -> assertThat(n).matches("\\d{20}"));
        assertThat(issued.payCode()).isPresent();
        assertThat(issued.payUrl()).isPresent();
        assertThat(provider.client().findNotice(accepted.noticeId())).hasValueSatisfying(n ->
                assertThat(n.noticeNumber()).isEqualTo(issued.noticeNumber().orElseThrow()));
        assertThat(outboxStates(accepted.noticeId())).containsExactly("DONE");

        sandbox.payment().pay(issued.noticeNumber().orElseThrow(), null, "WECHAT");

        PaymentNotice paid = awaitState(town, accepted.noticeId(), PaymentNoticeState.PAID);
        assertThat(paid.paidFen()).hasValue(200_000);
        assertThat(paid.paidAt()).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM payment_review WHERE notice_number = ?")
                .param(issued.noticeNumber().orElseThrow()).query(Long.class).single())
                .as("a client's notice is known to the callback, not UNKNOWN_NOTICE").isZero();
    }

    @Test
    void everyCall_isInTheMonitoringRecords_withTheCallingSystem() {
        PaymentNotice accepted = town.payments().issue(notice("cq-" + UUID.randomUUID(), 5_000).build());
        awaitState(town, accepted.noticeId(), PaymentNoticeState.ISSUED);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT method, status FROM api_call WHERE client_id = ? AND service = 'payment.notice'"
                                + " AND path LIKE '/api/v1/payments/notices%'").param(TOWN).query().listOfRows())
                .extracting(r -> r.get("method") + " " + r.get("status")).contains("POST 202", "GET 200"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT outcome FROM provider_call WHERE provider = 'payment'
                        AND operation = 'issue-client-notice' AND calling_system = ? AND matter_code = ?""")
                .params(TOWN, MATTER).query(String.class).list()).contains("SUCCESS"));
    }

    @Test
    void aLostAnswer_isReconciledByTheNoticeId_notIssuedTwice() {
        // The province issues the notice but answers after our timeout: the outcome is unknown to the hub.
        sandbox.simulateLatency(SandboxService.PAYMENT, Duration.ofMillis(1500));
        PaymentNotice accepted = town.payments().issue(notice("cq-" + UUID.randomUUID(), 9_900).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(accepted.noticeId()).contains("RETRYING"));
        sandbox.restore(SandboxService.PAYMENT);

        PaymentNotice issued = awaitState(town, accepted.noticeId(), PaymentNoticeState.ISSUED);

        assertThat(provider.client().findNotice(accepted.noticeId())).hasValueSatisfying(n ->
                assertThat(n.noticeNumber()).isEqualTo(issued.noticeNumber().orElseThrow()));
        assertThat(jdbc.sql("SELECT reconciled FROM outbox_message WHERE operation = 'payment.issue-client-notice'"
                + " AND business_key = ?")
                .param(accepted.noticeId()).query(Boolean.class).single())
                .as("settled by asking the province, not by a second issue").isTrue();
    }

    @Test
    void theSameBusinessKeyWithOtherContent_isAConflict_andTheNoticeStaysAsItWas() {
        String key = "cq-" + UUID.randomUUID();
        PaymentNotice first = town.payments().issue(notice(key, 10_000).build());

        assertThatThrownBy(() -> town.payments().issue(notice(key, 20_000).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errorCode()).isEqualTo("CONFLICT"));
        assertThat(town.payments().get(first.noticeId()).amountFen()).isEqualTo(10_000);
        assertThat(outboxStates(first.noticeId())).hasSize(1);
    }

    @Test
    void theRegistryDecides_whoMayBillForWhichMatterAndUnit_andNoticesStayWithTheirClient() {
        try (EnforcementHubClient licenceOnly = client("licence-only", OTHER_SECRET);
             EnforcementHubClient demo = client("sandbox-demo", DEMO_SECRET)) {
            assertThatThrownBy(() -> licenceOnly.payments().issue(notice("x-1", 100).build()))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ACCESS_DENIED"));
            assertThatThrownBy(() -> town.payments().issue(notice("x-2", 100).purpose(Purpose.of("330299999000"))
                    .build())).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.errorCode()).isEqualTo("PURPOSE_NOT_ALLOWED"));
            assertThatThrownBy(() -> town.payments().issue(notice("x-3", 100).unitCode("SW-HF-SCJ").build()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                            .contains("collecting unit 'SW-HF-SCJ'"));
            PaymentNotice demos = demo.payments().issue(notice("demo-" + UUID.randomUUID(), 100).build());

            assertThatThrownBy(() -> town.payments().get(demos.noticeId())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> town.payments().get("PC-nope")).isInstanceOf(NotFoundException.class);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payment_client_notice WHERE business_key IN ('x-1', 'x-2', 'x-3')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInput_isAProblemNamingTheField_andWritesNothing() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        // Shapes the SDK lets through, facts only the hub checks: the check character, the day.
        assertThatThrownBy(() -> town.payments().issue(notice(key, 100)
                .payer("汕尾市城区海滨餐饮有限公司", "91441500MA4W123455").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting("field").containsExactly("payer.idNumber"));
        assertThatThrownBy(() -> town.payments().issue(notice(key, 100)
                .dueDate(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting("field").containsExactly("dueDate"));
        // What the SDK would never send.
        HttpResponse<String> raw = new SignedHttp(URI.create(endpoint())).post("/api/v1/payments/notices", """
                {"businessKey":"%s","decisionNumber":"汕城综执罚〔2026〕9号","items":[{"itemCode":"103050100",
                 "itemName":"罚没收入","amountFen":0}],"dueDate":"2099-01-01","unitCode":"%s","regionCode":"4415",
                 "purpose":{"matterCode":"%s"}}""".formatted(key, UNIT, MATTER), TOWN, NEW_SECRET, null);

        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(raw.body());
        assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("payer", "items[0].amountFen",
                "regionCode");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_client_notice WHERE business_key = ?").param(key)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE business_key = ?")
                .param(ClientPaymentNotices.noticeId(TOWN, key)).query(Long.class).single()).isZero();
    }
}
