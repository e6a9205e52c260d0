package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 移动办案 for coercive measures and inspections: created offline under the item's id, stepped on site, each item
 * answered on its own through the same services (and checks) as the REST endpoints; a re-send doubles nothing.
 */
class MobileSyncProceduresApiIT extends StaffApiTestBase {

    static final String SYNC = "/api/v1/cases/sync";
    static final String MEASURES = "/api/v1/cases/coercive-measures/";
    static final String INSPECTIONS = "/api/v1/cases/inspections/";

    @Autowired
    JdbcClient jdbc;

    static Map<String, Object> creation(UUID clientId, String type, Object body) {
        return Map.of("clientId", clientId, "type", type, "body", body);
    }

    static Map<String, Object> step(UUID clientId, String type, Object id, Long version, String step, Object body) {
        Map<String, Object> item = new HashMap<>(Map.of("clientId", clientId, "type", type, "caseId", id.toString(),
                "step", step, "body", body));
        if (version != null) {
            item.put("expectedVersion", version);
        }
        return item;
    }

    static Map<String, Object> onSite(String coOfficer) {
        // now: after the head's approval, which must come first
        return Map.of("inspectedAt", Instant.now().toString(), "coOfficerIds", List.of(coOfficer),
                "findings", "冷库温度记录缺失", "onSite", Map.of("presence", "SIGNED", "recordSm3", "d".repeat(64)));
    }

    static Map<String, Object> served() {
        return Map.of("servedOn", today().toString(), "method", "direct", "recipient", "party");
    }

    JsonNode send(String officer, Object... items) {
        StaffHttp.Answer a = as(officer).post(SYNC, Map.of("deviceId", "pad-proc", "items", List.of(items)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().path("results");
    }

    long rows(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    long procedures(UUID id) {
        return rows("SELECT count(*) FROM procedure_case WHERE id = :id", id);
    }

    long events(UUID id) {
        return rows("SELECT count(*) FROM procedure_case_event WHERE case_id = :id", id);
    }

    @Test
    void anInspectionCreatedOffline_isCarriedOutAndConcludedOnSite_andAReSendDoublesNothing() {
        UUID inspection = UUID.randomUUID();
        String entity = "sync inspected " + UUID.randomUUID();
        Map<String, Object> create = creation(inspection, "INSPECTION", inspectionBody("441521", entity,
                "hf-officer-1", "hf-officer-2"));
        Map<String, Object> tooEarly = step(UUID.randomUUID(), "INSPECTION_STEP", inspection, null, "on-site",
                onSite("hf-officer-2"));

        JsonNode planned = send("hf-officer-1", create, tooEarly);
        // The head approves every inspection before it is carried out (the city's rules): not even offline.
        assertThat(planned.findValuesAsText("outcome")).as(planned.toString()).containsExactly("APPLIED", "REJECTED");
        assertThat(planned.get(0).path("caseId").asText()).isEqualTo(inspection.toString());
        assertThat(planned.get(1).path("detail").asText()).contains("approval");
        assertThat(as("hf-head").post(INSPECTIONS + inspection + "/approval", Map.of("opinion", "同意")).status())
                .isEqualTo(200);

        Object[] onSiteBatch = {create,
                step(UUID.randomUUID(), "INSPECTION_STEP", inspection, null, "on-site", onSite("hf-officer-2")),
                step(UUID.randomUUID(), "INSPECTION_STEP", inspection, null, "result", Map.of("result",
                        "RECTIFICATION", "on", today().toString(), "requirements", "补齐冷库温度记录",
                        "dueOn", today().plusDays(10).toString())),
                step(UUID.randomUUID(), "INSPECTION_STEP", inspection, null, "follow-up-check", Map.of(
                        "checkedOn", today().toString(), "rectified", true, "note", "已整改"))};
        JsonNode first = send("hf-officer-1", onSiteBatch);
        assertThat(first.findValuesAsText("outcome")).as(first.toString())
                .containsExactly("DUPLICATE", "APPLIED", "APPLIED", "APPLIED");
        assertThat(first.get(0).path("version").asLong()).isEqualTo(planned.get(0).path("version").asLong());
        settled(INSPECTIONS + inspection);
        long eventsBefore = events(inspection);

        JsonNode again = send("hf-officer-1", onSiteBatch);

        assertThat(again.findValuesAsText("outcome")).as(again.toString()).containsOnly("DUPLICATE");
        for (int i = 1; i < 4; i++) {
            assertThat(again.get(i).path("version").asLong()).isEqualTo(first.get(i).path("version").asLong());
        }
        assertThat(procedures(inspection)).isEqualTo(1);
        assertThat(events(inspection)).isEqualTo(eventsBefore);
        JsonNode detail = as("hf-officer-1").get(INSPECTIONS + inspection).json();
        assertThat(detail.path("summary").path("stage").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("record").findValuesAsText("type")).filteredOn("InspectionCarriedOut"::equals)
                .hasSize(1);
        assertThat(rows("SELECT count(*) FROM case_sync_item WHERE case_id = :id", inspection)).isEqualTo(4);
    }

    @Test
    void measuresTakenOnTheSpot_areCreatedOnce_andOneIsServedOnceItsDecisionIsSealed_releasedAndTheReleaseServed() {
        UUID urgentId = UUID.randomUUID();
        UUID approvedId = UUID.randomUUID();
        // urgent (art. 19): no prior approval, the decision handed over on the spot
        Map<String, Object> urgent = creation(urgentId, "MEASURE", measureBody("441521",
                "sync seized " + UUID.randomUUID(), "hf-officer-2", null));
        Map<String, Object> approvedBody = new HashMap<>(measureBody("441521", "sync seized " + UUID.randomUUID(),
                "hf-officer-2", "hf-head"));
        // the party absent (a witness signs): the decision is served afterwards (art. 24)
        approvedBody.put("deliveredOnTheSpot", false);
        approvedBody.put("onSite", Map.of("presence", "ABSENT", "witness", "村委会主任", "recordSm3",
                "a".repeat(64)));
        Map<String, Object> approved = creation(approvedId, "MEASURE", approvedBody);
        Map<String, Object> serve = step(UUID.randomUUID(), "MEASURE_STEP", approvedId, null, "service", served());

        JsonNode first = send("hf-officer-1", urgent, approved, serve);
        // The decision is sealed after it is issued: its service waits for the seal, the measure stands.
        assertThat(first.findValuesAsText("outcome")).as(first.toString()).containsExactly("APPLIED", "APPLIED",
                "REJECTED");
        assertThat(first.get(2).path("detail").asText()).contains("sealed");
        settled(MEASURES + approvedId);
        JsonNode second = send("hf-officer-1", urgent, approved, serve);
        assertThat(second.findValuesAsText("outcome")).as(second.toString()).containsExactly("DUPLICATE",
                "DUPLICATE", "APPLIED");
        settled(MEASURES + urgentId);
        long eventsBefore = events(urgentId) + events(approvedId);

        JsonNode third = send("hf-officer-1", urgent, approved, serve);

        assertThat(third.findValuesAsText("outcome")).as(third.toString()).containsOnly("DUPLICATE");
        assertThat(third.get(0).path("version").asLong()).isEqualTo(first.get(0).path("version").asLong());
        assertThat(third.get(2).path("version").asLong()).isEqualTo(second.get(2).path("version").asLong());
        assertThat(procedures(urgentId) + procedures(approvedId)).isEqualTo(2);
        assertThat(events(urgentId) + events(approvedId)).isEqualTo(eventsBefore);
        JsonNode detail = as("hf-officer-1").get(MEASURES + approvedId).json();
        assertThat(detail.path("record").findValuesAsText("type")).filteredOn("MeasureImposed"::equals).hasSize(1);
        assertThat(detail.path("record").findValuesAsText("type")).contains("MeasureDecisionServed");

        // The release is the head's (role checked as on the REST path); its service waits for its own seal.
        Map<String, Object> release = step(UUID.randomUUID(), "MEASURE_STEP", approvedId, null, "release", Map.of(
                "releasedOn", today().toString(), "ground", "NO_LONGER_NEEDED", "explanation", "已查明来源"));
        assertThat(send("hf-officer-1", release).get(0).path("outcome").asText()).isEqualTo("DENIED");
        JsonNode released = send("hf-head", release);
        assertThat(released.get(0).path("outcome").asText()).as(released.toString()).isEqualTo("APPLIED");
        settled(MEASURES + approvedId);
        Map<String, Object> releaseServed = step(UUID.randomUUID(), "MEASURE_STEP", approvedId, null,
                "release-service", served());
        JsonNode releaseAnswer = send("hf-officer-1", releaseServed);
        assertThat(releaseAnswer.get(0).path("outcome").asText()).as(releaseAnswer.toString()).isEqualTo("APPLIED");
        assertThat(send("hf-officer-1", releaseServed).get(0).path("outcome").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void aStepOnAnOutdatedVersion_isAConflictForThatItemOnly() {
        String id = approvedInspection("sync stale " + UUID.randomUUID());
        long version = as("hf-officer-1").get(INSPECTIONS + id).json().path("summary").path("version").asLong();

        JsonNode results = send("hf-officer-1",
                step(UUID.randomUUID(), "INSPECTION_STEP", id, version + 5, "on-site", onSite("hf-officer-2")),
                step(UUID.randomUUID(), "INSPECTION_STEP", id, version, "on-site", onSite("hf-officer-2")));

        assertThat(results.findValuesAsText("outcome")).as(results.toString()).containsExactly("CONFLICT", "APPLIED");
        assertThat(results.get(0).path("detail").asText()).contains("changed");
        assertThat(results.get(1).path("version").asLong()).isGreaterThan(version);
    }

    @Test
    void anotherJurisdictionsProcedure_isDeniedWithoutItsData_andAClientIdOfAnotherOfficerIsAConflict() {
        String entity = "sync foreign " + UUID.randomUUID();
        String foreign = created("lf-officer-1", "/api/v1/cases/inspections", inspectionBody("441581", entity,
                "lf-officer-1", "lf-officer-2"));
        String foreignMeasure = created("lf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441581",
                entity, "lf-officer-2", "lf-head"));
        UUID taken = UUID.randomUUID();
        send("lf-officer-1", creation(taken, "INSPECTION", inspectionBody("441581", entity, "lf-officer-1",
                "lf-officer-2")));

        JsonNode results = send("hf-officer-1",
                step(UUID.randomUUID(), "INSPECTION_STEP", foreign, null, "on-site", onSite("hf-officer-2")),
                step(UUID.randomUUID(), "MEASURE_STEP", foreignMeasure, null, "service", served()),
                // an inspection is no measure: refused as an unknown one would be
                step(UUID.randomUUID(), "MEASURE_STEP", foreign, null, "service", served()),
                creation(UUID.randomUUID(), "MEASURE", measureBody("441581", entity, "hf-officer-2", null)),
                creation(taken, "INSPECTION", inspectionBody("441521", entity, "hf-officer-1", "hf-officer-2")));

        assertThat(results.findValuesAsText("outcome")).as(results.toString()).containsExactly("DENIED", "DENIED",
                "DENIED", "REJECTED", "CONFLICT");
        assertThat(results.toString()).doesNotContain(entity).doesNotContain(ORG_ID);
        assertThat(results.get(3).path("detail").asText()).contains("outside the jurisdiction");
        assertThat(procedures(taken)).isEqualTo(1);
    }

    @Test
    void anUnknownStepOrABadBody_isInvalidNamingTheField_andCreatesNothing() {
        UUID noItems = UUID.randomUUID();
        Map<String, Object> withoutItems = new HashMap<>(measureBody("441521", "sync bad", "hf-officer-2", null));
        withoutItems.remove("items");
        String id = created("hf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441521",
                "sync bad " + UUID.randomUUID(), "hf-officer-2", "hf-head"));
        UUID drawn = UUID.randomUUID();
        Map<String, Object> randomDraw = new HashMap<>(inspectionBody("441521", "sync bad", "hf-officer-1",
                "hf-officer-2"));
        randomDraw.put("origin", "RANDOM_DRAW");

        JsonNode results = send("hf-officer-1",
                step(UUID.randomUUID(), "MEASURE_STEP", id, null, "extension", Map.of("days", 10)),
                step(UUID.randomUUID(), "INSPECTION_STEP", id, null, "result", Map.of("result", "VIOLATION",
                        "on", today().toString(), "facts", "未公示")),
                creation(noItems, "MEASURE", withoutItems),
                creation(drawn, "INSPECTION", randomDraw),
                step(UUID.randomUUID(), "MEASURE_STEP", id, null, "service", Map.of("servedOn", "today")),
                Map.of("clientId", UUID.randomUUID(), "type", "EVIDENCE", "caseId", id),
                Map.of("clientId", UUID.randomUUID(), "type", "MEASURE_STEP", "step", "service", "body", served()));

        assertThat(results.findValuesAsText("outcome")).as(results.toString()).containsOnly("INVALID");
        assertThat(results.get(0).path("detail").asText()).contains("step").contains("release-service")
                .doesNotContain("extension");
        assertThat(results.get(1).path("detail").asText()).contains("penaltyMatterCode");
        assertThat(results.get(2).path("detail").asText()).contains("items");
        assertThat(results.get(3).path("detail").asText()).contains("origin");
        assertThat(results.get(4).path("detail").asText()).contains("body").contains("servedOn");
        assertThat(results.get(5).path("detail").asText()).contains("type");
        assertThat(results.get(6).path("detail").asText()).contains("caseId");
        assertThat(procedures(noItems) + procedures(drawn)).isZero();
        assertThat(rows("SELECT count(*) FROM case_sync_item WHERE client_id IN (:id)", noItems)).isZero();
    }

    @Test
    void theItemTypesAndTheEvidenceUpload_areDescribedInOpenApi() {
        JsonNode api = StaffHttp.anonymous(port).get("/v3/api-docs").json();

        JsonNode upload = api.path("paths").path("/api/v1/cases/sync/evidence/{clientId}").path("put");
        assertThat(upload.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties").has("item")).as(upload.toString()).isTrue();
        assertThat(upload.path("description").asText()).contains("sm3").contains("413");
        JsonNode batch = resolve(api, api.path("paths").path("/api/v1/cases/sync").path("post").path("requestBody")
                .path("content").path("application/json").path("schema"));
        JsonNode type = resolve(api, batch.path("properties").path("items").path("items")).path("properties")
                .path("type");
        assertThat(type.path("enum").toString()).as(type.toString()).contains("MEASURE_STEP", "INSPECTION_STEP");
        assertThat(api.path("paths").path("/api/v1/cases/sync").path("post").path("description").asText())
                .contains("release-service", "follow-up-check");
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : api.path("components").path("schemas")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
