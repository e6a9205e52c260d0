package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.exchange.ProcedureRecords;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coercive measures and inspections reach the big-data centre (the sandbox's exchange) through the outbox
 * (ADR 0514): a measure's decision, extension and release as versions 1–3 of its 强制 record, an inspection's result
 * as its 检查 record; steps that are not reportable push nothing.
 */
class ProcedureExchangeIT extends StaffApiTestBase {

    static final String MEASURES = "/api/v1/cases/coercive-measures";
    static final String INSPECTIONS = "/api/v1/cases/inspections";

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    JdbcClient jdbc;

    Map<String, Object> stored(String recordId, int version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.exchange().stored(recordId, version).isPresent());
        return sandbox.exchange().stored(recordId, version).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> envelope) {
        return (Map<String, Object>) envelope.get("data");
    }

    @Test
    void aMeasuresDecisionExtensionAndRelease_areVersionsOfItsCoercionRecord() {
        String id = created("hf-officer-1", MEASURES, measureBody("441521", "exchange measure " + UUID.randomUUID(),
                "hf-officer-2", "hf-head"));
        StaffHttp.Answer testing = as("hf-officer-1").post(MEASURES + "/" + id + "/testing", Map.of("startedOn",
                today().toString(), "what", "酒精度检测", "plannedUntil", today().plusDays(3).toString(), "notifiedOn",
                today().toString()));
        assertThat(testing.status()).as(testing.body()).isEqualTo(200);
        assertThat(as("hf-officer-1").post(MEASURES + "/" + id + "/testing-result", Map.of("finishedOn",
                today().toString(), "result", "合格")).status()).isEqualTo(200);
        assertThat(as("hf-head").post(MEASURES + "/" + id + "/extension", Map.of("days", 30, "reason", "案情复杂",
                "notifiedOn", today().toString())).status()).isEqualTo(200);
        assertThat(as("hf-head").post(MEASURES + "/" + id + "/release", Map.of("releasedOn", today().toString(),
                "ground", "NO_LONGER_NEEDED", "explanation", "处理完毕")).status()).isEqualTo(200);
        String recordId = ProcedureRecords.measureRecordId(UUID.fromString(id));

        Map<String, Object> decided = stored(recordId, 1);
        Map<String, Object> extended = stored(recordId, 2);
        Map<String, Object> released = stored(recordId, 3);

        assertThat(decided).containsEntry("recordType", "COERCION").containsEntry("deleted", false);
        assertThat(data(decided)).containsEntry("measureNumber", "海市监扣-1").containsEntry("measureType", "SEIZE")
                .containsEntry("measureStatus", "IN_FORCE").containsEntry("partyUscc", ORG_ID)
                .containsEntry("regionCode", "441521").containsEntry("authorityName", "海丰县市场监督管理局");
        assertThat(data(extended)).containsEntry("measureStatus", "EXTENDED");
        assertThat((String) data(extended).get("endDate")).isGreaterThan((String) data(decided).get("endDate"));
        assertThat(data(released)).containsEntry("measureStatus", "RELEASED")
                .containsEntry("endedOn", today().toString());
        assertThat(sandbox.exchange().stored(recordId, 4)).isEmpty();
        String caseNumber = as("hf-officer-1").get(MEASURES + "/" + id).json().path("summary").path("caseNumber")
                .asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE "
                + "operation = 'exchange.push-record' AND case_number = :n AND state = 'DONE'").param("n", caseNumber)
                .query(Integer.class).single() == 3);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE case_number = :n AND operation = "
                + "'exchange.push-record'").param("n", caseNumber).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anInspectionsResult_isItsInspectionRecord_theVisitItselfIsNot() {
        String id = created("hf-officer-1", INSPECTIONS, inspectionBody("441521",
                "exchange inspection " + UUID.randomUUID(), "hf-officer-1", "hf-officer-2"));
        assertThat(as("hf-head").post(INSPECTIONS + "/" + id + "/approval", Map.of("opinion", "同意")).status())
                .isEqualTo(200);
        StaffHttp.Answer onSite = as("hf-officer-1").post(INSPECTIONS + "/" + id + "/on-site", Map.of(
                "inspectedAt", Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"),
                "findings", "一切正常", "onSite", Map.of("presence", "SIGNED", "recordSm3", "c".repeat(64))));
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(200);
        String recordId = ProcedureRecords.inspectionRecordId(UUID.fromString(id));
        assertThat(sandbox.exchange().stored(recordId, 1)).isEmpty();

        StaffHttp.Answer result = as("hf-officer-1").post(INSPECTIONS + "/" + id + "/result", Map.of("result",
                "NO_PROBLEM", "on", today().toString(), "summary", "未发现问题"));
        assertThat(result.status()).as(result.body()).isEqualTo(200);

        Map<String, Object> stored = stored(recordId, 1);
        assertThat(stored).containsEntry("recordType", "INSPECTION");
        assertThat(data(stored)).containsEntry("outcome", "NO_PROBLEM").containsEntry("inspectionType", "COMPLAINT")
                .containsEntry("matterCode", INSPECTION_ITEM).containsEntry("concludedOn", today().toString())
                .containsEntry("officerCertificates", List.of("4415-hf-officer-1", "4415-hf-officer-2"));
    }
}
