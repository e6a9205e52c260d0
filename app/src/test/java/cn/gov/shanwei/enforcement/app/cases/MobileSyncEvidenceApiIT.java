package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 移动办案 evidence: a photo captured offline uploaded on its own under the device's item id, its SM3 computed on
 * arrival and checked against the device's, stored once however often it is re-sent, and placed on 粤政图 like a REST
 * upload.
 */
class MobileSyncEvidenceApiIT extends StaffApiTestBase {

    static final String EVIDENCE = "/api/v1/cases/sync/evidence/";
    static final String MEASURES = "/api/v1/cases/coercive-measures/";
    static final String INSPECTIONS = "/api/v1/cases/inspections/";
    static final byte[] PHOTO = ("photo of the sealed warehouse " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.MAP);
        breakers.circuitBreaker("map").reset();
    }

    /** The evidence item's JSON part for {@code target} {@code id}, with the SM3 of {@code file}. */
    static Map<String, Object> item(String target, String id, byte[] file) {
        return new HashMap<>(Map.of("deviceId", "pad-ev", "target", target, "caseId", id, "description", "查封现场照片",
                "collectedAt", Instant.now().minusSeconds(120).toString(), "where", "海城镇二马路仓库",
                "coOfficerIds", List.of("hf-officer-2"), "sm3", Sm3.of(file).hex()));
    }

    StaffHttp.Answer upload(String officer, UUID clientId, Map<String, Object> item, byte[] file) {
        return upload(as(officer), clientId, item, file);
    }

    static StaffHttp.Answer upload(StaffHttp who, UUID clientId, Map<String, Object> item, byte[] file) {
        try {
            return who.multipart("PUT", EVIDENCE + clientId, Map.of("item",
                    StaffHttp.JSON.writeValueAsString(item)), "warehouse.jpg", file, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode result(String officer, UUID clientId, Map<String, Object> item, byte[] file) {
        StaffHttp.Answer a = upload(officer, clientId, item, file);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    String measure() {
        return created("hf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441521",
                "sync evidence " + UUID.randomUUID(), "hf-officer-2", "hf-head"));
    }

    long files(String id) {
        return jdbc.sql("SELECT count(*) FROM procedure_evidence_file WHERE case_id = CAST(:id AS UUID)")
                .param("id", id).query(Long.class).single();
    }

    long recorded(String id) {
        return jdbc.sql("SELECT count(*) FROM procedure_case_event WHERE case_id = CAST(:id AS UUID) "
                + "AND event_type = 'EvidenceRecorded'").param("id", id).query(Long.class).single();
    }

    long syncRows(UUID clientId) {
        return jdbc.sql("SELECT count(*) FROM case_sync_item WHERE client_id = :id").param("id", clientId)
                .query(Long.class).single();
    }

    @Test
    void evidenceOnAMeasure_isStoredOnce_aReSendIsADuplicate_andTheIdOfAnotherOfficerOrFileIsAConflict() {
        String id = measure();
        UUID clientId = UUID.randomUUID();

        JsonNode applied = result("hf-officer-1", clientId, item("MEASURE", id, PHOTO), PHOTO);
        // the re-send forwarded by a signed municipal system acting for the same officer
        StaffHttp.Answer resent = upload(StaffHttp.client(port, CASE_SYSTEM, CASE_SYSTEM_SECRET, "hf-officer-1"),
                clientId, item("MEASURE", id, PHOTO), PHOTO);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        JsonNode again = resent.json();
        byte[] other = "another photo".getBytes(StandardCharsets.UTF_8);
        JsonNode otherFile = result("hf-officer-1", clientId, item("MEASURE", id, other), other);
        JsonNode otherOfficer = result("hf-officer-2", clientId, item("MEASURE", id, PHOTO), PHOTO);

        assertThat(applied.path("outcome").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(applied.path("caseId").asText()).isEqualTo(id);
        assertThat(again.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(again.path("version").asLong()).isEqualTo(applied.path("version").asLong());
        assertThat(otherFile.path("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(otherFile.path("detail").asText()).contains("another file");
        assertThat(otherOfficer.path("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(files(id)).isEqualTo(1);
        assertThat(recorded(id)).isEqualTo(1);
        JsonNode evidence = as("hf-officer-1").get(MEASURES + id).json().path("evidence");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).path("sm3").asText()).isEqualTo(Sm3.of(PHOTO).hex());
        StaffHttp.Answer file = as("hf-officer-1").get(MEASURES + id + "/evidence/E1/file");
        assertThat(file.body()).isEqualTo(new String(PHOTO, StandardCharsets.UTF_8));
    }

    @Test
    void aDigestThatDiffersFromTheDevices_isInvalidAndStoresNothing_andTheCorrectedReSendIsApplied() {
        String id = measure();
        UUID clientId = UUID.randomUUID();
        Map<String, Object> wrong = item("MEASURE", id, PHOTO);
        wrong.put("sm3", Sm3.of("what the device had".getBytes(StandardCharsets.UTF_8)).hex());

        JsonNode refused = result("hf-officer-1", clientId, wrong, PHOTO);

        assertThat(refused.path("outcome").asText()).isEqualTo("INVALID");
        assertThat(refused.path("detail").asText()).startsWith("sm3").contains(Sm3.of(PHOTO).hex());
        assertThat(files(id)).isZero();
        assertThat(recorded(id)).isZero();
        assertThat(syncRows(clientId)).isZero();
        assertThat(result("hf-officer-1", clientId, item("MEASURE", id, PHOTO), PHOTO).path("outcome").asText())
                .isEqualTo("APPLIED");
        assertThat(files(id)).isEqualTo(1);
    }

    @Test
    void anOversizedFileIs413_andABadItemIsInvalidNamingTheField_orA400ForTheEnvelope() {
        String id = measure();
        byte[] big = new byte[70 * 1024];
        Map<String, Object> noDescription = item("MEASURE", id, PHOTO);
        noDescription.remove("description");
        Map<String, Object> badTarget = item("PARTY", id, PHOTO);
        Map<String, Object> noDevice = item("MEASURE", id, PHOTO);
        noDevice.put("deviceId", "pad 7/../");

        StaffHttp.Answer tooLarge = upload("hf-officer-1", UUID.randomUUID(), item("MEASURE", id, big), big);
        JsonNode missing = result("hf-officer-1", UUID.randomUUID(), noDescription, PHOTO);
        JsonNode target = result("hf-officer-1", UUID.randomUUID(), badTarget, PHOTO);
        StaffHttp.Answer device = upload("hf-officer-1", UUID.randomUUID(), noDevice, PHOTO);
        StaffHttp.Answer notJson = as("hf-officer-1").multipart("PUT", EVIDENCE + UUID.randomUUID(),
                Map.of("item", "{deviceId"), "a.jpg", PHOTO, null);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).contains("application/problem+json");
        assertThat(missing.path("outcome").asText()).isEqualTo("INVALID");
        assertThat(missing.path("detail").asText()).contains("description");
        assertThat(target.path("outcome").asText()).isEqualTo("INVALID");
        assertThat(target.path("detail").asText()).contains("target");
        PenaltyCaseApiIT.assertField(device, "deviceId");
        PenaltyCaseApiIT.assertField(notJson, "item");
        assertThat(files(id)).isZero();
    }

    @Test
    void evidenceOnAnInspectionCarriedOut_andOnAPenaltyCase_isPlacedOnTheMap_andAStaleOrForeignTargetIsRefused() {
        String inspection = approvedInspection("sync evidence shop " + UUID.randomUUID());
        assertThat(as("hf-officer-1").post(INSPECTIONS + inspection + "/on-site", Map.of("inspectedAt",
                Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"), "findings",
                "仓库温度超标", "onSite", Map.of("presence", "SIGNED", "recordSm3", "e".repeat(64)))).status())
                .isEqualTo(200);
        long version = as("hf-officer-1").get(INSPECTIONS + inspection).json().path("summary").path("version")
                .asLong();
        Map<String, Object> placed = item("INSPECTION", inspection, PHOTO);
        placed.put("address", "海丰县海城镇红城大道西168号");
        Map<String, Object> stale = item("INSPECTION", inspection, PHOTO);
        stale.put("expectedVersion", version + 9);
        String party = "sync evidence foreign " + UUID.randomUUID();
        String foreign = created("lf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441581", party,
                "lf-officer-2", "lf-head"));
        String penalty = lead("hf-officer-1", "441521", "sync evidence 餐饮有限公司");
        StaffHttp.Answer filed = as("hf-head").post("/api/v1/cases/penalties/" + penalty + "/filing",
                Map.of("filedOn", today().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);

        JsonNode onInspection = result("hf-officer-1", UUID.randomUUID(), placed, PHOTO);
        JsonNode conflict = result("hf-officer-1", UUID.randomUUID(), stale, PHOTO);
        JsonNode denied = result("hf-officer-1", UUID.randomUUID(), item("MEASURE", foreign, PHOTO), PHOTO);
        JsonNode wrongKind = result("hf-officer-1", UUID.randomUUID(), item("MEASURE", inspection, PHOTO), PHOTO);
        JsonNode onPenalty = result("hf-officer-1", UUID.randomUUID(), item("PENALTY", penalty, PHOTO), PHOTO);

        assertThat(onInspection.path("outcome").asText()).as(onInspection.toString()).isEqualTo("APPLIED");
        JsonNode evidence = as("hf-officer-1").get(INSPECTIONS + inspection).json().path("evidence");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).path("location").path("state").asText()).isEqualTo("LOCATED");
        assertThat(evidence.get(0).path("location").path("divisionCode").asText()).isEqualTo("441521100000");
        assertThat(conflict.path("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(denied.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(denied.toString()).doesNotContain(party);
        assertThat(wrongKind.path("outcome").asText()).isEqualTo("DENIED");
        assertThat(files(foreign)).isZero();
        assertThat(onPenalty.path("outcome").asText()).as(onPenalty.toString()).isEqualTo("APPLIED");
        assertThat(as("hf-officer-1").get("/api/v1/cases/penalties/" + penalty).json().path("evidence").get(0)
                .path("sm3").asText()).isEqualTo(Sm3.of(PHOTO).hex());
    }

    @Test
    void theMapDown_leavesTheEvidencePending_untilTheDurableRequestPlacesIt_andAReSendAsksNothing() {
        String id = measure();
        UUID clientId = UUID.randomUUID();
        String address = "陆河县河田镇人民路" + (100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900)) + "号";
        Map<String, Object> placed = item("MEASURE", id, PHOTO);
        placed.put("address", address);
        sandbox.simulateOutage(SandboxService.MAP);

        JsonNode applied = result("hf-officer-1", clientId, placed, PHOTO);
        JsonNode again = result("hf-officer-1", clientId, placed, PHOTO);

        assertThat(applied.path("outcome").asText()).as(applied.toString()).isEqualTo("APPLIED");
        assertThat(again.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(as("hf-officer-1").get(MEASURES + id).json().path("evidence").get(0).path("location")
                .path("state").asText()).isEqualTo("PENDING");
        sandbox.restore(SandboxService.MAP);
        breakers.circuitBreaker("map").reset();
        await().atMost(Duration.ofSeconds(120)).until(() -> as("hf-officer-1").get(MEASURES + id).json()
                .path("evidence").get(0).path("location").path("state").asText().equals("LOCATED"));
        assertThat(files(id)).isEqualTo(1);
    }
}
