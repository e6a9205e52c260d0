package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallQueries;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallView;
import cn.gov.shanwei.enforcement.app.support.ChinaDay;
import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.TestStaffSignOn;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.contracts.sandbox.PaymentSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The fine's payment end to end against the sandbox's non-tax payment system: serving a decision with a fine
 * issues its notice exactly once (also when the provider's answer is lost), the notice is readable on the staff
 * API, and the provider's signed result callback records the case's payment once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.providers.payment.read-timeout=700ms",
        "hub.cases.feed-lag=0s"})
@Import(TestStaffSignOn.class)
@ExtendWith(ChinaDay.class)
class FinePaymentIT {

    static final String SUBJECT = "SW-HF-SCJ";
    static final String MATTER = "C4415-SCJ-0001";
    static final String ORG_ID = "91441500MA4W123454";
    static final long FINE = 300_000;
    static final AtomicInteger CASES = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("fine-payment").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    AdministrationService registry;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    PaymentProvider provider;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DailyReconciliation reconciliation;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    OverdueSurcharges surcharges;
    @Autowired
    ProviderCallQueries calls;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        if (registry.officer(new OfficerId("pay-officer-1")).isEmpty()) {
            registry.createSubject(new EnforcementSubject(new SubjectId(SUBJECT), "海丰县市场监督管理局",
                    ShanweiRegions.HAIFENG, Set.of(EnforcementDomain.MARKET_SUPERVISION), false));
            staff("pay-officer-1", StaffRole.OFFICER);
            staff("pay-officer-2", StaffRole.OFFICER);
            staff("pay-head", StaffRole.SUBJECT_HEAD);
            staff("pay-admin", StaffRole.ADMINISTRATOR);
            registry.addMatter(new MatterVersion(new MatterCode(MATTER), 1, LocalDate.of(2024, 1, 1),
                    MatterStatus.ACTIVE, "未按规定公示食品经营许可信息", MatterKind.PENALTY,
                    EnforcementDomain.MARKET_SUPERVISION, new LegalBasis("《中华人民共和国食品安全法》", "第一百二十六条"),
                    new DiscretionBand(List.of(new DiscretionBand.Level("minor", 0, 500_000))), "SUP-0001"));
        }
        officer = actor("pay-officer-1");
        head = actor("pay-head");
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.PAYMENT);
        sandbox.payment().callbackCopies(1);
    }

    @Test
    void servingADecisionWithAFine_issuesItsNoticeOnce_readableOnTheCase() throws Exception {
        UUID id = servedCase();

        JsonNode notice = awaitNotice(id, "ISSUED");
        assertThat(notice.path("noticeNumber").asText()).hasSize(20);
        assertThat(notice.path("payCode").asText()).hasSize(20);
        assertThat(notice.path("fineFen").asLong()).isEqualTo(FINE);
        assertThat(LocalDate.parse(notice.path("dueOn").asText())).isAfter(today());
        String requestNo = notice.path("requestNo").asText();
        assertThat(provider.client().findNotice(requestNo)).hasValueSatisfying(n ->
                assertThat(n.noticeNumber()).isEqualTo(notice.path("noticeNumber").asText()));
        awaitSettled(requestNo);
        assertThat(get("/api/v1/cases/penalties/" + id + "/payment-notice", "nobody").statusCode()).isEqualTo(401);
    }

    @Test
    void theProvincialCallsOfACase_nameTheOfficerWhoseStepCausedThem() throws Exception {
        UUID id = servedCase();
        String requestNo = awaitNotice(id, "ISSUED").path("requestNo").asText();
        awaitSettled(requestNo);
        String caseNumber = jdbc.sql("SELECT case_number FROM payment_notice WHERE request_no = ?").param(requestNo)
                .query(String.class).single();

        // The notice is issued for the officer who served the decision, as the ops API's monitoring records show.
        List<ProviderCallView> issued = calls.byCase(caseNumber, 100).stream()
                .filter(c -> c.provider().equals(Provider.PAYMENT.code())).toList();
        assertThat(issued).isNotEmpty().allSatisfy(c -> assertThat(c.officerId()).isEqualTo("pay-officer-1"));
        // Every side effect handed over with a step carries that step's officer: the head decided, the officer served.
        assertThat(jdbc.sql("SELECT operation, officer_id FROM outbox_message WHERE case_number = ?")
                .param(caseNumber).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .contains(IssueNoticeHandler.OPERATION.id() + " pay-officer-1")
                .allSatisfy(row -> assertThat(row).doesNotEndWith(" null"));
    }

    @Test
    void aLostAnswer_isReconciledByRequestNumber_notIssuedTwice() throws Exception {
        // The provider issues the notice but its answer comes after our timeout: the outcome is unknown to us.
        sandbox.simulateLatency(SandboxService.PAYMENT, Duration.ofMillis(1500));
        UUID id = servedCase();
        String requestNo = jdbc.sql("SELECT request_no FROM payment_notice WHERE case_id = ?").param(id)
                .query(String.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT attempts FROM outbox_message WHERE business_key = ?").param(requestNo)
                .query(Integer.class).single() >= 1 && outboxStates(requestNo).contains("RETRYING"));
        sandbox.restore(SandboxService.PAYMENT);

        JsonNode notice = awaitNotice(id, "ISSUED");
        assertThat(provider.client().findNotice(requestNo)).hasValueSatisfying(n ->
                assertThat(n.noticeNumber()).isEqualTo(notice.path("noticeNumber").asText()));
        awaitSettled(requestNo);
        assertThat(jdbc.sql("SELECT reconciled FROM outbox_message WHERE business_key = ?").param(requestNo)
                .query(Boolean.class).single()).as("settled by asking the provider, not by a second issue").isTrue();
    }

    @Test
    void thePayersPayment_reachesTheCase_onceDespiteDuplicatedCallbacks() throws Exception {
        UUID id = servedCase();
        String number = awaitNotice(id, "ISSUED").path("noticeNumber").asText();
        sandbox.payment().callbackCopies(3);

        sandbox.payment().pay(number, null, "WECHAT");

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(number).size() == 3
                && deliveries(number).stream().allMatch(d -> d.status() == 200));
        JsonNode paid = awaitNotice(id, "PAID");
        assertThat(paid.path("paidFen").asLong()).isEqualTo(FINE);
        assertThat(finePaidEvents(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_result WHERE notice_number = ?").param(number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNoticeRead_waitsForThePayment_whenAskedTo() throws Exception {
        UUID id = servedCase();
        String number = awaitNotice(id, "ISSUED").path("noticeNumber").asText();
        String waiting = "/api/v1/cases/penalties/" + id + "/payment-notice?waitWhile=ISSUED&waitSeconds=10";

        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return get(waiting, "token-uid-pay-officer-1");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(answer).as("waiting while nobody paid").isNotDone();
        sandbox.payment().pay(number, null, "WECHAT");

        HttpResponse<String> paid = answer.get(15, TimeUnit.SECONDS);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(JSON.readTree(paid.body()).path("state").asText()).isEqualTo("PAID");
        HttpResponse<String> unknownState = get("/api/v1/cases/penalties/" + id
                + "/payment-notice?waitWhile=SEALED&waitSeconds=1", "token-uid-pay-officer-1");
        assertThat(unknownState.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownState.body()).path("errors").get(0).path("field").asText())
                .isEqualTo("waitWhile");
    }

    @Test
    void anAmountMismatch_isRecordedForReview_andDoesNotCloseThePayment() throws Exception {
        UUID id = servedCase();
        String number = awaitNotice(id, "ISSUED").path("noticeNumber").asText();

        sandbox.payment().pay(number, FINE - 100, "BANK");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM payment_review WHERE notice_number = ? AND kind = 'AMOUNT_MISMATCH'")
                .param(number).query(Long.class).single() == 1);
        // The sandbox logs a delivery only once the hub's answer is back, a moment after the review row is written.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveries(number))
                .extracting(PaymentSandbox.CallbackDelivery::status).containsOnly(200));
        assertThat(notice(id).path("state").asText()).isEqualTo("ISSUED");
        assertThat(finePaidEvents(id)).isZero();
    }

    @Test
    void aCallbackWithABadSignature_isRefused_andChangesNothing() throws Exception {
        UUID id = servedCase();
        String number = awaitNotice(id, "ISSUED").path("noticeNumber").asText();
        byte[] body = ("{\"noticeNumber\":\"" + number + "\",\"status\":\"PAID\",\"paidFen\":" + FINE
                + ",\"paidAt\":\"" + Instant.now() + "\",\"channel\":\"WECHAT\",\"transactionId\":\"forged-1\"}")
                .getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        String forged = PaymentCallbackVerifier.sign("not-the-providers-key-but-32-bytes-long!!"
                .getBytes(StandardCharsets.UTF_8), ts, "nonce-forged-1", body);

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + PaymentCallbackController.PATH)).header(PaymentCallbackVerifier.TIMESTAMP, ts)
                .header(PaymentCallbackVerifier.NONCE, "nonce-forged-1")
                .header(PaymentCallbackVerifier.SIGNATURE, forged).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).path("reason").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(notice(id).path("state").asText()).isEqualTo("ISSUED");
        assertThat(finePaidEvents(id)).isZero();
    }

    @Test
    void theDailyReconciliation_reportsEachMismatchAsATaskOnce() throws Exception {
        String confirmed = awaitNotice(servedCase(), "ISSUED").path("noticeNumber").asText();
        UUID lostId = servedCase();
        String lost = awaitNotice(lostId, "ISSUED").path("noticeNumber").asText();
        sandbox.payment().pay(confirmed, null, "WECHAT");
        await().atMost(Duration.ofSeconds(20)).until(() -> resultOf(confirmed));
        sandbox.payment().sendCallbacksTo(URI.create("http://127.0.0.1:1/lost"),
                PaymentSandbox.SANDBOX_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8));
        try {
            sandbox.payment().pay(lost, null, "BANK");
            await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(lost).isEmpty());
        } finally {
            sandbox.payment().sendCallbacksTo(URI.create("http://127.0.0.1:" + port + PaymentCallbackController.PATH),
                    PaymentSandbox.SANDBOX_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8));
        }
        String stranger = "44150000000000000009";
        sandbox.payment().addReconciliationLine(today(), stranger + "|94150000000000000009|5000|" + Instant.now()
                + "|BANK|txn-stranger");

        reconciliation.run(today());
        reconciliation.run(today());

        assertThat(tasks(confirmed)).isEmpty();
        assertThat(tasks(lost)).containsExactly("PAID_NOT_CONFIRMED");
        assertThat(tasks(stranger)).containsExactly("PAID_BUT_UNKNOWN");
        assertThat(jdbc.sql("SELECT case_id FROM payment_reconciliation_task WHERE notice_number = ?").param(lost)
                .query(UUID.class).single()).isEqualTo(lostId);
        assertThat(jdbc.sql("SELECT balanced FROM payment_reconciliation WHERE business_day = ?").param(today())
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theDailyReconciliation_whileThePaymentBreakerIsOpen_isNotDone_andTheNextRunCatchesItUp() {
        LocalDate missed = today().minusDays(4);
        LocalDate reconciledBefore = today().minusDays(5);
        LocalDate nextYesterday = today().minusDays(3);
        reconciliation.run(reconciledBefore);
        Object reconciledBeforeRunAt = runAt(reconciledBefore);
        CircuitBreaker breaker = breakers.circuitBreaker(Provider.PAYMENT.code());
        breaker.transitionToOpenState();
        try {
            assertThatThrownBy(() -> reconciliation.run(missed)).isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> assertThat(((ProviderUnavailableException) e).retryAfter()).isPositive());
            assertThat(reconciledDays(missed)).as("nothing recorded: the day is not reconciled").isZero();
            assertThat(reconciliation.catchUp(missed)).as("a scheduled run while it is still open").isEmpty();
        } finally {
            breaker.transitionToClosedState();
        }

        // The next day's scheduled run looks back over the catch-up window: it does the day it missed as well as its
        // own, and leaves a day that has its result alone.
        assertThat(reconciliation.catchUp(nextYesterday)).contains(missed, nextYesterday)
                .doesNotContain(reconciledBefore);
        assertThat(reconciledDays(missed)).isEqualTo(1);
        assertThat(runAt(reconciledBefore)).as("a reconciled day is not redone").isEqualTo(reconciledBeforeRunAt);
        assertThat(reconciliation.catchUp(nextYesterday)).as("nothing left to catch up").isEmpty();
    }

    private Object runAt(LocalDate day) {
        return jdbc.sql("SELECT run_at FROM payment_reconciliation WHERE business_day = ?").param(day)
                .query().singleValue();
    }

    private int reconciledDays(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_reconciliation WHERE business_day = ?").param(day)
                .query(Integer.class).single();
    }

    @Test
    void anOverdueFine_getsOneSurchargeNotice_ofThreePercentADay_andAPaidOneNone() throws Exception {
        UUID overdueId = servedCase();
        JsonNode overdue = awaitNotice(overdueId, "ISSUED");
        String number = overdue.path("noticeNumber").asText();
        UUID paidId = servedCase();
        String paid = awaitNotice(paidId, "ISSUED").path("noticeNumber").asText();
        sandbox.payment().pay(paid, null, "WECHAT");
        awaitNotice(paidId, "PAID");
        LocalDate threeDaysLate = LocalDate.parse(overdue.path("dueOn").asText()).plusDays(3);

        assertThat(surcharges.run(LocalDate.parse(overdue.path("dueOn").asText()))).as("not yet overdue").isZero();
        surcharges.run(threeDaysLate);
        surcharges.run(threeDaysLate);

        String requestNo = SurchargeLedger.requestNo(number);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_surcharge WHERE original_notice_number IN (?, ?)")
                .params(number, paid).query(Long.class).single()).isEqualTo(1);
        long expected = FINE * 3 * 3 / 100;
        assertThat(jdbc.sql("SELECT surcharge_fen FROM payment_surcharge WHERE request_no = ?").param(requestNo)
                .query(Long.class).single()).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStates(requestNo).equals(List.of("DONE")));
        assertThat(provider.client().findNotice(requestNo)).hasValueSatisfying(n -> {
            assertThat(n.totalFen()).isEqualTo(expected);
            assertThat(n.noticeNumber()).isEqualTo(jdbc.sql("SELECT notice_number FROM payment_surcharge WHERE "
                    + "request_no = ?").param(requestNo).query(String.class).single());
        });
        // The officer sees it beside the fine's notice; the paid case has none.
        JsonNode surcharge = notice(overdueId).path("surcharge");
        assertThat(surcharge.path("state").asText()).isEqualTo("ISSUED");
        assertThat(surcharge.path("requestNo").asText()).isEqualTo(requestNo);
        assertThat(surcharge.path("surchargeFen").asLong()).isEqualTo(expected);
        assertThat(surcharge.path("accruedUntil").asText()).isEqualTo(threeDaysLate.toString());
        assertThat(surcharge.path("noticeNumber").asText()).isEqualTo(provider.client().findNotice(requestNo)
                .orElseThrow().noticeNumber());
        assertThat(surcharge.path("payUrl").asText()).isNotBlank();
        assertThat(notice(paidId).path("surcharge").path("state").isMissingNode()).as("no surcharge").isTrue();
    }

    @Test
    void paymentTasks_areListedResolvedOnceAndAudited_byTheSubjectHeadOrAnAdministrator() throws Exception {
        UUID id = servedCase();
        String number = awaitNotice(id, "ISSUED").path("noticeNumber").asText();
        sandbox.payment().pay(number, FINE - 100, "BANK");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM payment_review WHERE notice_number = ?").param(number).query(Long.class)
                .single() == 1);

        assertThat(get("/api/v1/cases/payment-reviews", "token-uid-pay-officer-1").statusCode()).isEqualTo(403);
        JsonNode open = JSON.readTree(get("/api/v1/cases/payment-reviews?state=OPEN&size=100",
                "token-uid-pay-head").body());
        JsonNode review = null;
        for (JsonNode item : open.path("items")) {
            if (item.path("noticeNumber").asText().equals(number)) {
                review = item;
            }
        }
        assertThat(review).as(open.toString()).isNotNull();
        assertThat(review.path("kind").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(review.path("expectedFen").asLong()).isEqualTo(FINE);
        assertThat(review.path("reportedFen").asLong()).isEqualTo(FINE - 100);
        String task = "/api/v1/cases/payment-reviews/" + review.path("id").asLong();

        assertThat(post(task + "/resolution", "token-uid-pay-head", "{\"outcome\":\"RESOLVED\"}").statusCode())
                .isEqualTo(400);
        assertThat(post(task + "/resolution", "token-uid-pay-head", "{\"outcome\":\"CLOSED\",\"note\":\"x\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> resolved = post(task + "/resolution", "token-uid-pay-head",
                "{\"outcome\":\"RESOLVED\",\"note\":\"party paid the difference at the counter\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(JSON.readTree(resolved.body()).path("state").asText()).isEqualTo("RESOLVED");
        assertThat(JSON.readTree(resolved.body()).path("resolvedBy").asText()).isEqualTo("pay-head");
        assertThat(post(task + "/resolution", "token-uid-pay-admin", "{\"outcome\":\"DISMISSED\",\"note\":\"x\"}")
                .statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM ops_audit WHERE action = 'RESOLVE_REVIEW' AND target = ?")
                .param(review.path("id").asText()).query(Long.class).single()).isEqualTo(1);

        String stranger = "44150000000000000077";
        sandbox.payment().addReconciliationLine(today(), stranger + "|94150000000000000077|5000|" + Instant.now()
                + "|BANK|txn-stranger-77");
        reconciliation.run(today());
        long taskId = jdbc.sql("SELECT id FROM payment_reconciliation_task WHERE notice_number = ?").param(stranger)
                .query(Long.class).single();
        String path = "/api/v1/cases/reconciliation-tasks/" + taskId;
        assertThat(get(path, "token-uid-pay-head").statusCode()).as("no subject's notice").isEqualTo(403);
        HttpResponse<String> seen = get(path, "token-uid-pay-admin");
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(JSON.readTree(seen.body()).path("kind").asText()).isEqualTo("PAID_BUT_UNKNOWN");
        assertThat(post(path + "/resolution", "token-uid-pay-admin", "{\"outcome\":\"DISMISSED\",\"note\":\"test "
                + "payment\"}").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> post(String path, String token, String json) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private UUID servedCase() {
        int n = CASES.incrementAndGet();
        UUID id = cases.registerLead(officer, new NewLead(MATTER, new Party(Party.Kind.ORGANISATION,
                "汕尾市海滨餐饮有限公司 " + n, ORG_ID), ShanweiRegions.HAIFENG.value(), today().minusDays(1),
                "no licence information displayed")).summary().id();
        cases.execute(head, id, null, new PenaltyCommand.File(today()));
        cases.recordEvidence(officer, id, null, new NewEvidence("shop front", Instant.now().minusSeconds(60),
                "海城镇二马路 12 号", List.of("pay-officer-2"), "front.jpg", "image/jpeg",
                "photo".getBytes(StandardCharsets.UTF_8)));
        cases.execute(officer, id, null, new PenaltyCommand.NotifyIntendedPenalty(today(), PenaltyKind.FINE, FINE,
                "minor"));
        cases.execute(head, id, null, new PenaltyCommand.Decide(today(), "海市监罚〔2026〕" + n + "号", PenaltyKind.FINE,
                FINE, "minor"));
        DecisionSealsAwait.awaitDecisionSealed(jdbc, id);
        cases.execute(officer, id, null, new PenaltyCommand.ServeDecision(today(), "direct", "legal representative"));
        return id;
    }

    private JsonNode awaitNotice(UUID id, String state) throws IOException, InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(notice(id).path("state").asText()));
        return notice(id);
    }

    private JsonNode notice(UUID id) throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v1/cases/penalties/" + id + "/payment-notice",
                "token-uid-pay-officer-1");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean resultOf(String number) {
        return jdbc.sql("SELECT count(*) FROM payment_result WHERE notice_number = ?").param(number)
                .query(Long.class).single() == 1;
    }

    private List<String> tasks(String number) {
        return jdbc.sql("SELECT kind FROM payment_reconciliation_task WHERE notice_number = ? AND business_day = ?")
                .params(number, today()).query(String.class).list();
    }

    /**
     * The handler stores the notice before its batch settles the outbox row (ADR 0407): what the settlement writes
     * (state, reconciled) is read only once the row is DONE.
     */
    private void awaitSettled(String requestNo) {
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(requestNo).equals(List.of("DONE")));
    }

    private List<String> outboxStates(String requestNo) {
        return jdbc.sql("SELECT state FROM outbox_message WHERE business_key = ?").param(requestNo)
                .query(String.class).list();
    }

    private List<PaymentSandbox.CallbackDelivery> deliveries(String number) {
        return sandbox.payment().deliveries().stream().filter(d -> d.noticeNumber().equals(number)).toList();
    }

    private long finePaidEvents(UUID id) {
        PenaltyCaseDetail detail = cases.get(officer, id);
        return detail.record().stream().filter(link -> link.type().equals("FinePaid")).count();
    }

    private void staff(String id, StaffRole role) {
        registry.createOfficer(new OfficerRegistration(new Officer(new OfficerId(id), "officer " + id,
                new SubjectId(SUBJECT), new EnforcementCertificate("4415-" + id,
                Set.of(EnforcementDomain.MARKET_SUPERVISION), LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31),
                CertificateStatus.VALID)), EnumSet.of(role), "uid-" + id, "441521199001011231", "13800138000"));
    }

    private Actor actor(String id) {
        var view = registry.officer(new OfficerId(id)).orElseThrow();
        return new Actor(view.officer(), view.roles(), "test");
    }
}
