package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedCaseFeed;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.cases.PenaltyCaseApiIT.assertField;
import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/** 移动办案: a batch from a device, each item answered on its own, re-sends applying nothing twice. */
class MobileSyncApiIT extends StaffApiTestBase {

    @Autowired
    SupervisedCaseFeed feed;
    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    CircuitBreakerRegistry breakers;

    static final String SYNC = "/api/v1/cases/sync";

    static Map<String, Object> step(UUID clientId, String caseId, Long version, String step, Object body) {
        java.util.HashMap<String, Object> item = new java.util.HashMap<>(Map.of("clientId", clientId, "type", "STEP",
                "caseId", caseId, "step", step, "body", body));
        if (version != null) {
            item.put("expectedVersion", version);
        }
        return item;
    }

    @Test
    void aBatchIsAnsweredItemByItem_andAReSendAppliesNothingTwice() {
        UUID caseId = UUID.randomUUID();
        String foreign = lead("lf-officer-1", "441581", "sync foreign 餐饮有限公司");
        Map<String, Object> batch = Map.of("deviceId", "pad-0042", "items", List.of(
                Map.of("clientId", caseId, "type", "LEAD", "lead", leadBody("441521", "sync 餐饮有限公司")),
                step(UUID.randomUUID(), caseId.toString(), null, "notices", Map.of("servedOn", today().toString(),
                        "kind", "WARNING", "fineFen", 0, "circumstance", "minor")),
                step(UUID.randomUUID(), caseId.toString(), null, "filing", Map.of("filedOn", today().toString())),
                step(UUID.randomUUID(), caseId.toString(), null, "teleport", Map.of()),
                step(UUID.randomUUID(), caseId.toString(), null, "closure", Map.of("closedOn", "soon")),
                step(UUID.randomUUID(), foreign, null, "service", Map.of("servedOn", today().toString(), "method",
                        "direct", "recipient", "party"))));

        JsonNode first = as("hf-officer-1").post(SYNC, batch).json().path("results");
        JsonNode again = as("hf-officer-1").post(SYNC, batch).json().path("results");

        assertThat(first.findValuesAsText("outcome")).containsExactly("APPLIED", "REJECTED", "DENIED", "INVALID",
                "INVALID", "DENIED");
        assertThat(first.get(0).path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(first.get(1).path("detail").asText()).contains("cannot notify");
        assertThat(first.get(3).path("detail").asText()).contains("step");
        assertThat(first.get(4).path("detail").asText()).contains("body");
        assertThat(first.get(5).path("detail").asText()).doesNotContain("sync foreign");
        assertThat(again.get(0).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(again.get(0).path("version").asLong()).isEqualTo(first.get(0).path("version").asLong());
        assertThat(as("hf-officer-1").get("/api/v1/cases/penalties/" + caseId).json().path("record")).hasSize(1);
    }

    @Test
    void aStepOnAnOutdatedVersion_isAConflictForThatItemOnly() {
        String caseId = lead("hf-officer-1", "441521", "sync conflict 餐饮有限公司");
        long version = as("hf-head").get("/api/v1/cases/penalties/" + caseId).json().path("summary").path("version")
                .asLong();
        UUID applied = UUID.randomUUID();

        JsonNode results = as("hf-head").post(SYNC, Map.of("deviceId", "pad-7", "items", List.of(
                step(UUID.randomUUID(), caseId, version + 5, "filing", Map.of("filedOn", today().toString())),
                step(applied, caseId, version, "filing", Map.of("filedOn", today().toString()))))).json()
                .path("results");

        assertThat(results.findValuesAsText("outcome")).containsExactly("CONFLICT", "APPLIED");
        assertThat(results.get(1).path("version").asLong()).isGreaterThan(version);
    }

    @Test
    void aFilingAgainstTheProvince_isItsItemsOwnOutcome_mismatchRejected_outageUnavailable_thenApplied() {
        String cancelled = lead("hf-officer-1", "441521", "sync 已注销贸易有限公司", "91441500MA4W123467");
        String filed = lead("hf-officer-1", "441521", "sync filing 餐饮有限公司");
        String later = personLead();   // 人口库 answers are never cached: an outage is an outage
        UUID outageItem = UUID.randomUUID();

        JsonNode results = as("hf-head").post(SYNC, Map.of("deviceId", "pad-11", "items", List.of(
                step(UUID.randomUUID(), cancelled, null, "filing", Map.of("filedOn", today().toString())),
                step(UUID.randomUUID(), filed, null, "filing", Map.of("filedOn", today().toString()))))).json()
                .path("results");
        sandbox.simulateOutage(SandboxService.EXCHANGE);
        JsonNode down;
        try {
            down = as("hf-head").post(SYNC, Map.of("deviceId", "pad-11", "items", List.of(
                    step(outageItem, later, null, "filing", Map.of("filedOn", today().toString()))))).json()
                    .path("results");
        } finally {
            sandbox.restore(SandboxService.EXCHANGE);
            breakers.circuitBreaker("exchange").reset();
        }
        JsonNode resent = as("hf-head").post(SYNC, Map.of("deviceId", "pad-11", "items", List.of(
                step(outageItem, later, null, "filing", Map.of("filedOn", today().toString()))))).json()
                .path("results");

        assertThat(results.findValuesAsText("outcome")).containsExactly("REJECTED", "APPLIED");
        assertThat(results.get(0).path("detail").asText()).contains("法人库");
        assertThat(down.get(0).path("outcome").asText()).isEqualTo("UNAVAILABLE");
        assertThat(down.get(0).path("detail").asText()).contains("exchange").contains("again");
        assertThat(resent.get(0).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(stage(cancelled)).isEqualTo("LEAD");
        assertThat(stage(filed)).isEqualTo("FILED");
        assertThat(stage(later)).isEqualTo("FILED");
        assertThat(as("hf-head").get("/api/v1/cases/penalties/" + filed).json().path("record")
                .findValuesAsText("type")).endsWith("FilingChecked", "CaseFiled");
    }

    String personLead() {
        StaffHttp.Answer a = as("hf-officer-1").post("/api/v1/cases/penalties", Map.of("matterCode", MATTER,
                "party", Map.of("kind", "PERSON", "name", "陈小海", "idNumber", "441502199001011232"),
                "placeCode", "441521", "discoveredOn", today().minusDays(1).toString(), "facts", "sold expired food"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    String stage(String caseId) {
        return as("hf-head").get("/api/v1/cases/penalties/" + caseId).json().path("summary").path("stage").asText();
    }

    String lead(String officer, String place, String partyName, String uscc) {
        Map<String, Object> body = new java.util.HashMap<>(leadBody(place, partyName));
        body.put("party", Map.of("kind", "ORGANISATION", "name", partyName, "idNumber", uscc));
        StaffHttp.Answer a = as(officer).post("/api/v1/cases/penalties", body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    @Test
    void whatWasSynced_reachesTheSupervisionFeed() {
        UUID caseId = UUID.randomUUID();
        as("hf-officer-1").post(SYNC, Map.of("deviceId", "pad-9", "items", List.of(Map.of("clientId", caseId,
                "type", "LEAD", "lead", leadBody("441521", "feed 餐饮有限公司")))));
        String number = as("hf-officer-1").get("/api/v1/cases/penalties/" + caseId).json().path("summary")
                .path("caseNumber").asText();

        assertThat(feed.after(0, 1000)).anySatisfy(e -> {
            assertThat(e.event().caseNumber().value()).isEqualTo(number);
            assertThat(e.event()).isInstanceOf(PenaltyCaseEvent.LeadRegistered.class);
        });
    }

    @Test
    void aMalformedBatch_isAFieldLevelProblem() {
        assertField(as("hf-officer-1").post(SYNC, Map.of("items", List.of())), "deviceId");
        assertField(as("hf-officer-1").post(SYNC, Map.of("deviceId", "pad", "items", List.of())), "items");
        assertThat(StaffHttp.anonymous(port).post(SYNC, Map.of("deviceId", "pad")).status()).isEqualTo(401);
    }
}
