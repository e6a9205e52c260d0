package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.app.support.ChinaDay;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
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
import cn.gov.shanwei.enforcement.contracts.sandbox.ExchangeSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionPublicationDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.PublicationWithdrawalDeadline;
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
import cn.gov.shanwei.enforcement.domain.penalty.DecisionChange;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
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
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data-sharing exchange end to end against the sandbox's receiver (issues 5, 7, 9): a decision reaches the
 * big-data centre exactly once (the receiver's counters: no duplicate, no loss), also across an outage; a served
 * decision is published (双公示) through the province and the confirmation becomes the case's publication step; a
 * revoked decision is withdrawn; and other municipal systems push their records through {@code /api/v1/exchange}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.providers.exchange.read-timeout=700ms",
        "hub.durable.redelivery-delay=200ms",
        "hub.clients.licence-only.secrets[0]=" + ExchangeIT.OTHER_SECRET,
        "hub.clients.licence-only.services[0]=licence.verify",
        "hub.clients.second-pusher.secrets[0]=" + ExchangeIT.OTHER_SECRET,
        "hub.clients.second-pusher.services[0]=exchange.push",
        "hub.clients.second-pusher.purposes[0]=exchange.push=*",
        // This test's subject seals its decisions with the sandbox's 海丰县 seal (service waits for it, ADR 0210).
        "hub.seal.seals.SW-HF-EXC=SEAL-HFSCJG-001"})
@Import(TestStaffSignOn.class)
@ExtendWith(ChinaDay.class)
class ExchangeIT {

    static final String SUBJECT = "SW-HF-EXC";
    static final String MATTER = "C4415-EXC-0001";
    static final String ORG_ID = "91441500MA4W123454";
    static final String DEMO = "sandbox-demo";
    static final String DEMO_SECRET = "sandbox-demo-secret-0123456789abcdef";
    static final String OTHER_SECRET = "other-system-secret-0123456789abcdef";
    static final String PATH = "/api/v1/exchange/records";
    static final AtomicInteger CASES = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("exchange").toString());
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
    JdbcClient jdbc;
    @Autowired
    PenaltyContext ctx;

    Actor officer;
    Actor head;
    SignedHttp http;

    @BeforeEach
    void world() {
        if (registry.officer(new OfficerId("exc-officer-1")).isEmpty()) {
            registry.createSubject(new EnforcementSubject(new SubjectId(SUBJECT), "海丰县市场监督管理局",
                    ShanweiRegions.HAIFENG, Set.of(EnforcementDomain.MARKET_SUPERVISION), false));
            staff("exc-officer-1", StaffRole.OFFICER);
            staff("exc-officer-2", StaffRole.OFFICER);
            staff("exc-head", StaffRole.SUBJECT_HEAD);
            registry.addMatter(new MatterVersion(new MatterCode(MATTER), 1, LocalDate.of(2024, 1, 1),
                    MatterStatus.ACTIVE, "未按规定公示食品经营许可信息", MatterKind.PENALTY,
                    EnforcementDomain.MARKET_SUPERVISION, new LegalBasis("《中华人民共和国食品安全法》", "第一百二十六条"),
                    new DiscretionBand(List.of(new DiscretionBand.Level("minor", 0, 500_000))), "SUP-0001"));
        }
        officer = actor("exc-officer-1");
        head = actor("exc-head");
        http = new SignedHttp(URI.create("http://127.0.0.1:" + port));
        sandbox.exchange().reset();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.EXCHANGE);
    }

    // ------------------------------------------------------------------ the case workflow

    @Test
    void aDecision_reachesTheReceiverExactlyOnce_andItsServiceIsPublishedAsTheCasesPublicationStep() {
        UUID id = decidedCase();
        String recordId = PenaltyRecords.recordId(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.exchange().missing(List.of(recordId)).isEmpty());
        assertThat(sandbox.exchange().counters()).isEqualTo(new ExchangeSandbox.Counters(1, 0, 1, 0, 0));

        cases.execute(officer, id, null, new PenaltyCommand.ServeDecision(today(), "direct", "legal representative"));

        String publicationId = PublicationLedger.publicationId(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(ledgerState(id)));
        assertThat(sandbox.exchange().publications()).containsEntry(publicationId, "PUBLISHED");
        assertThat(events(id, "DecisionPublished")).isEqualTo(1);
        WorkingDayCalendar calendar = ctx.calendar().get();
        assertThat(jdbc.sql("SELECT publish_due FROM exchange_publication WHERE case_id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(DecisionPublicationDeadline.due(calendar, today()).dueOn());
        assertThat(cases.get(officer, id).deadlines()).noneMatch(d -> d.rule().equals("DecisionPublicationDeadline"));
        assertThat(sandbox.exchange().counters())
                .as("service pushes no new record version: still exactly one record, no duplicate, no loss")
                .isEqualTo(new ExchangeSandbox.Counters(1, 0, 1, 0, 0));
        // Every push of the class (earlier tests' too) is settled: their handlers' writes and the provider's effect
        // come before their batches settle the outbox rows (ADR 0407), hence the wait.
        await().atMost(Duration.ofSeconds(30)).until(() -> !outboxStates("exchange-push-%").isEmpty()
                && outboxStates("exchange-push-%").stream().allMatch("DONE"::equals));
    }

    @Test
    void whileTheExchangeIsDown_theRecordWaits_andArrivesOnceWhenItRecovers() {
        sandbox.simulateOutage(SandboxService.EXCHANGE);
        UUID id = decidedCase();
        String key = pushKey(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(key) >= 2);
        assertThat(sandbox.exchange().missing(List.of(PenaltyRecords.recordId(id)))).hasSize(1);

        sandbox.restore(SandboxService.EXCHANGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStates(key).equals(List.of("DONE")));
        assertThat(sandbox.exchange().missing(List.of(PenaltyRecords.recordId(id)))).isEmpty();
        ExchangeSandbox.Counters counters = sandbox.exchange().counters();
        assertThat(counters.recordsAccepted()).isEqualTo(1);
        assertThat(counters.recordsDuplicate()).isZero();
        assertThat(counters.recordsRejected()).isZero();
        assertThat(jdbc.sql("SELECT status FROM exchange_record_result WHERE tracking_id = ?").param(key)
                .query(String.class).list()).containsExactly("ACCEPTED");
    }

    @Test
    void aPublicationWhoseAnswerIsLost_isReconciledByItsId_notPublishedTwice() {
        UUID id = decidedCase();
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStates(pushKey(id)).equals(List.of("DONE")));
        sandbox.simulateLatency(SandboxService.EXCHANGE, Duration.ofMillis(1500));
        cases.execute(officer, id, null, new PenaltyCommand.ServeDecision(today(), "direct", "legal representative"));
        String key = "exchange-publish-" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(key) >= 1 && outboxStates(key).contains("RETRYING"));

        sandbox.restore(SandboxService.EXCHANGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(ledgerState(id)));
        // The handler confirms the publication before its batch settles the outbox row (ADR 0407).
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStates(key).equals(List.of("DONE")));
        assertThat(jdbc.sql("SELECT reconciled FROM outbox_message WHERE idempotency_key = ?").param(key)
                .query(Boolean.class).single()).as("settled by asking the exchange, not by a second publish").isTrue();
        assertThat(events(id, "DecisionPublished")).isEqualTo(1);
    }

    @Test
    void aRevokedDecision_isWithdrawnFromPublication_andItsRecordVersionPushedAsDeleted() {
        UUID id = decidedCase();
        cases.execute(officer, id, null, new PenaltyCommand.ServeDecision(today(), "direct", "legal representative"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(ledgerState(id)));

        cases.execute(head, id, null, new PenaltyCommand.RecordDecisionChange(today(), DecisionChange.REVOKED,
                "汕尾市人民政府", "行政复议决定撤销原处罚决定"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(ledgerState(id)));
        assertThat(sandbox.exchange().publications()).containsEntry(PublicationLedger.publicationId(id), "WITHDRAWN");
        assertThat(events(id, "PublicationWithdrawn")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT withdraw_due FROM exchange_publication WHERE case_id = ?").param(id)
                .query(LocalDate.class).single())
                .isEqualTo(PublicationWithdrawalDeadline.due(ctx.calendar().get(), today()).dueOn());
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.exchange().counters().recordsAccepted() == 2);
        assertThat(sandbox.exchange().counters().recordsDuplicate()).isZero();
        assertThat(jdbc.sql("SELECT version FROM exchange_record_result WHERE record_id = ? ORDER BY version")
                .param(PenaltyRecords.recordId(id)).query(Integer.class).list()).containsExactly(1, 2);
    }

    // ------------------------------------------------------------------ the endpoint for municipal systems

    @Test
    void aMunicipalSystemsPush_isAccepted_deliveredOnce_andItsStatusReadable() throws Exception {
        String body = pushBody("mkt-insp-1", "441502");

        HttpResponse<String> accepted = post(body, "push-key-1", DEMO, DEMO_SECRET);
        HttpResponse<String> again = post(body, "push-key-1", DEMO, DEMO_SECRET);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String trackingId = JSON.readTree(accepted.body()).path("trackingId").asText();
        assertThat(accepted.headers().firstValue("Location")).contains(PATH + "/" + trackingId);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("trackingId").asText()).isEqualTo(trackingId);
        JsonNode status = awaitState(trackingId, "DELIVERED");
        assertThat(status.path("mode").asText()).isEqualTo("SERVICE");
        assertThat(status.path("records").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(sandbox.exchange().counters()).isEqualTo(new ExchangeSandbox.Counters(1, 0, 1, 0, 0));

        HttpResponse<String> otherBody = post(pushBody("mkt-insp-2", "441502"), "push-key-1", DEMO, DEMO_SECRET);
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(409);
        assertThat(http.get(PATH + "/" + trackingId, "second-pusher", OTHER_SECRET).statusCode())
                .as("another system's push is not found").isEqualTo(404);
        assertThat(http.get(PATH + "/x-unknown", DEMO, DEMO_SECRET).statusCode()).isEqualTo(404);
    }

    @Test
    void aRecordTheExchangeRefuses_isAFinalRefusal_withItsCode() throws Exception {
        HttpResponse<String> accepted = post(pushBody("mkt-insp-9", "440100"), "push-key-9", DEMO, DEMO_SECRET);
        String trackingId = JSON.readTree(accepted.body()).path("trackingId").asText();

        JsonNode status = awaitState(trackingId, "REFUSED");

        assertThat(status.path("records").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(status.path("records").get(0).path("code").asText()).isEqualTo("OUT_OF_JURISDICTION");
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStates(trackingId).equals(List.of("REJECTED")));
        assertThat(sandbox.exchange().counters().batchesReceived()).as("not sent again").isEqualTo(1);
    }

    @Test
    void theEndpoint_refusesBadInput_unsignedCalls_andSystemsWithoutTheService() throws Exception {
        String valid = pushBody("mkt-insp-3", "441502");
        String badData = valid.replace("\"inspectionNumber\":\"汕城市监检〔2026〕7号\",", "");
        HttpResponse<String> invalid = post(badData, "bad-1", DEMO, DEMO_SECRET);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(invalid.body()).toString()).contains("records[0].data").contains("inspectionNumber");

        HttpResponse<String> badType = post(valid.replace("\"INSPECTION\"", "\"LICENSING\""), "bad-2", DEMO,
                DEMO_SECRET);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("records[0].recordType");
        assertThat(post("{\"purpose\":{\"matterCode\":\"330217003000\"},\"records\":[]}", "bad-3", DEMO,
                DEMO_SECRET).statusCode()).isEqualTo(400);
        assertThat(post(valid.replace("\"version\":1", "\"version\":\"one\""), "bad-4", DEMO, DEMO_SECRET)
                .statusCode()).isEqualTo(400);

        assertThat(http.unsignedPost(PATH, valid).statusCode()).isEqualTo(401);
        HttpResponse<String> denied = post(valid, "denied-1", "licence-only", OTHER_SECRET);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("ACCESS_DENIED");
        assertThat(http.get(PATH + "/x-anything", "licence-only", OTHER_SECRET).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_submission WHERE tracking_id LIKE 'x-%' AND "
                + "calling_system = 'licence-only'").query(Long.class).single()).isZero();
        assertThat(sandbox.exchange().counters().batchesReceived()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    static String pushBody(String recordId, String region) {
        return """
                {"purpose":{"matterCode":"330217003000","officerId":"mkt-officer-7"},
                 "records":[{"recordId":"%s","recordType":"INSPECTION","version":1,
                   "updatedAt":"2026-11-20T09:00:00Z","deleted":false,
                   "data":{"inspectionNumber":"汕城市监检〔2026〕7号","inspectionType":"RANDOM",
                     "matterCode":"330217003000","subjectName":"汕尾市城区海滨餐饮有限公司",
                     "subjectUscc":"91441502MA4UJ0XX3T","inspectedOn":"2026-11-20","outcome":"NO_PROBLEM",
                     "officerCertificates":["44150201001","44150201002"],
                     "authorityName":"汕尾市城区市场监督管理局","authorityCode":"11441502MB2C9315XT",
                     "regionCode":"%s"}}]}
                """.formatted(recordId, region).replace("\n", "");
    }

    private HttpResponse<String> post(String json, String idempotencyKey, String clientId, String secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return http.send(SignedHttp.sign(HttpRequest.newBuilder(http.base().resolve(PATH))
                        .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey), "POST",
                PATH, body, clientId, secret).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode awaitState(String trackingId, String state) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(JSON.readTree(
                http.get(PATH + "/" + trackingId, DEMO, DEMO_SECRET).body()).path("state").asText()));
        return JSON.readTree(http.get(PATH + "/" + trackingId, DEMO, DEMO_SECRET).body());
    }

    private UUID decidedCase() {
        int n = CASES.incrementAndGet();
        UUID id = cases.registerLead(officer, new NewLead(MATTER, new Party(Party.Kind.ORGANISATION,
                "汕尾市海滨餐饮有限公司 " + n, ORG_ID), ShanweiRegions.HAIFENG.value(), today().minusDays(1),
                "未在经营场所公示食品经营许可证")).summary().id();
        cases.execute(head, id, null, new PenaltyCommand.File(today()));
        cases.recordEvidence(officer, id, null, new NewEvidence("shop front", Instant.now().minusSeconds(60),
                "海城镇二马路 12 号", List.of("exc-officer-2"), "front.jpg", "image/jpeg",
                "photo".getBytes(StandardCharsets.UTF_8)));
        cases.execute(officer, id, null, new PenaltyCommand.NotifyIntendedPenalty(today(), PenaltyKind.FINE, 200_000,
                "minor"));
        cases.execute(head, id, null, new PenaltyCommand.Decide(today(), "海市监罚〔2026〕X" + n + "号",
                PenaltyKind.FINE, 200_000, "minor"));
        DecisionSealsAwait.awaitDecisionSealed(jdbc, id);
        return id;
    }

    private String pushKey(UUID caseId) {
        return jdbc.sql("SELECT tracking_id FROM exchange_record_result WHERE record_id = ? AND version = 1")
                .param(PenaltyRecords.recordId(caseId)).query(String.class).single();
    }

    private String ledgerState(UUID id) {
        return jdbc.sql("SELECT state FROM exchange_publication WHERE case_id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    private int attempts(String key) {
        return jdbc.sql("SELECT attempts FROM outbox_message WHERE idempotency_key = ?").param(key)
                .query(Integer.class).optional().orElse(0);
    }

    private List<String> outboxStates(String keyPattern) {
        return jdbc.sql("SELECT state FROM outbox_message WHERE idempotency_key LIKE ?").param(keyPattern)
                .query(String.class).list();
    }

    private long events(UUID id, String type) {
        PenaltyCaseDetail detail = cases.get(officer, id);
        return detail.record().stream().filter(link -> link.type().equals(type)).count();
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
