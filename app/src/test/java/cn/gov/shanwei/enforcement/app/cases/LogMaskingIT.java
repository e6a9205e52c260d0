package cn.gov.shanwei.enforcement.app.cases;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal identifiers never reach a log line in clear (issue 7: "masked in every log line"): everything the hub logs
 * — request threads, the outbox and its consumers, the seal and exchange calls — is captured while an officer is
 * registered with an identity number and a phone number and a case against a natural person runs from lead to
 * closure through the API; neither raw value may appear, the masked form may.
 */
class LogMaskingIT extends StaffApiTestBase {

    /** In the sandbox's 人口库 under this name, so that the filing check passes. */
    static final String PARTY_ID = "441502199001011232";
    static final String PARTY_NAME = "陈小海";
    static final String OFFICER_ID_NUMBER = "441502197703035619";
    static final String OFFICER_PHONE = "13912345678";

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        root().addAppender(captured);
    }

    @AfterEach
    void release() {
        root().detachAppender(captured);
        captured.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void noIdentityOrPhoneNumberIsLoggedInClear_acrossACaseFromLeadToClosure() {
        StaffHttp admin = as("city-admin");
        String officerId = "mask-officer-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> officer = new java.util.HashMap<>(officerBody(officerId, HF, "OFFICER",
                "4415-" + officerId));
        officer.put("idNumber", OFFICER_ID_NUMBER);
        officer.put("phone", OFFICER_PHONE);
        StaffHttp.Answer registered = admin.post("/api/v1/admin/officers", officer);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        StaffHttp.Answer lead = as(officerId).post("/api/v1/cases/penalties", Map.of("matterCode", MATTER,
                "party", Map.of("kind", "PERSON", "name", PARTY_NAME, "idNumber", PARTY_ID), "placeCode", "441521",
                "discoveredOn", today().minusDays(1).toString(), "facts", "sold expired food"));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        String id = lead.json().path("summary").path("id").asText();
        String path = "/api/v1/cases/penalties/" + id;
        String caseNumber = lead.json().path("summary").path("caseNumber").asText();
        StaffHttp head = as("hf-head");
        StaffHttp acting = as(officerId);

        step(head.post(path + "/filing", Map.of("filedOn", today().toString())));
        StaffHttp.Answer evidence = acting.multipart(path + "/evidence", Map.of("description", "过期食品照片",
                "collectedAt", Instant.now().minusSeconds(60).toString(), "where", "海城镇二马路 12 号",
                "coOfficerIds", List.of("hf-officer-2")), "photo.jpg",
                "photo".getBytes(StandardCharsets.UTF_8), null);
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        step(acting.post(path + "/notices", Map.of("servedOn", today().toString(), "kind", "FINE", "fineFen", 20_000,
                "circumstance", "minor")));
        step(head.post(path + "/decision", Map.of("decidedOn", today().toString(), "decisionNumber",
                "海市监罚〔2026〕" + Math.abs(id.hashCode() % 10_000) + "号", "kind", "FINE", "fineFen", 20_000,
                "circumstance", "minor")));
        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));
        step(acting.post(path + "/service", Map.of("servedOn", today().toString(), "method", "direct", "recipient",
                PARTY_NAME)));
        step(acting.post(path + "/payments", Map.of("paidOn", today().toString(), "amountFen", 20_000)));
        step(acting.post(path + "/closure", Map.of("closedOn", today().toString(), "summary", "paid")));
        // What the steps handed to the outbox (seal, 双公示, reports) is logged by other threads: let it settle.
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE "
                + "case_number = :n AND state NOT IN ('DONE', 'DISCARDED', 'REJECTED')").param("n", caseNumber)
                .query(Integer.class).single() == 0);

        List<String> lines = lines();
        assertThat(lines).as("the capture saw the case").anyMatch(l -> l.contains(caseNumber));
        assertThat(lines).as("the masked party id may be logged").anyMatch(l -> l.contains(
                PersonalDataMask.mask(PARTY_ID)));
        for (String raw : List.of(PARTY_ID, OFFICER_ID_NUMBER, OFFICER_PHONE)) {
            assertThat(lines).as("log lines with " + raw + " in clear").noneMatch(l -> l.contains(raw));
        }
    }

    /**
     * A search by party identifier (ADR 0530), found or refused, leaves the identifier in no log line and in no column
     * of the API call audit ({@code api_call} keeps the path without its query string).
     */
    @Test
    void aSearchByPartyId_leavesTheIdentifierInNoLogLineAndNoAuditRow() {
        String searched = randomUscc();
        String refused = searched.substring(0, 17) + (searched.charAt(17) == '0' ? '1' : '0');
        String audited = "SELECT concat_ws('|', client_id, service, method, path, request_id, user_agent) FROM api_call"
                + " WHERE path = '/api/v1/cases/penalties'";
        int refusedBefore = jdbc.sql(audited + " AND status = 400").query(String.class).list().size();
        StaffHttp officer = as("hf-officer-1");
        leadOf("hf-officer-1", "441521", "标识检索商行", searched);

        StaffHttp.Answer found = officer.get("/api/v1/cases/penalties?partyId=" + searched);
        StaffHttp.Answer spaced = officer.get("/api/v1/cases/penalties?partyId=%20" + searched.toLowerCase());
        StaffHttp.Answer bad = officer.get("/api/v1/cases/penalties?partyId=" + refused);

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        assertThat(spaced.json().path("total").asLong()).isEqualTo(1);
        assertThat(bad.status()).isEqualTo(400);
        // The audit is written asynchronously (ADR 0602), in order: the refusal's row comes after the searches'.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(audited + " AND status = 400")
                .query(String.class).list().size() > refusedBefore);
        List<String> rows = jdbc.sql(audited).query(String.class).list();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
        for (String raw : List.of(searched, refused, searched.toLowerCase())) {
            assertThat(rows).as("audit rows with " + raw).noneMatch(r -> r.contains(raw));
            assertThat(lines()).as("log lines with " + raw).noneMatch(l -> l.contains(raw));
        }
    }

    private static void step(StaffHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Every captured event as text: message, MDC and stack trace. */
    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        return lines;
    }
}
