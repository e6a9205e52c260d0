package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/** The penalty lifecycle over HTTP, optimistic locking, and every kind of bad input answered as problem+json. */
class PenaltyCaseApiIT extends StaffApiTestBase {

    static final byte[] PHOTO = "photo of the shop front".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;

    String path(String id, String step) {
        return "/api/v1/cases/penalties/" + id + (step.isEmpty() ? "" : "/" + step);
    }

    StaffHttp.Answer evidence(StaffHttp who, String id, byte[] file) {
        Map<String, Object> fields = new HashMap<>(Map.of("description", "shop front", "collectedAt",
                today().atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant().toString(),
                "where", "海城镇二马路 12 号", "coOfficerIds", List.of("hf-officer-2")));
        return who.multipart(path(id, "evidence"), fields, "front.jpg", file, null);
    }

    @Test
    void aCaseGoesFromLeadToArchive_throughTheApi() throws IOException {
        String id = lead("hf-officer-1", "441521", "lifecycle 餐饮有限公司");
        StaffHttp officer = as("hf-officer-1");
        StaffHttp head = as("hf-head");

        assertThat(head.post(path(id, "filing"), Map.of("filedOn", today().toString())).status()).isEqualTo(200);
        StaffHttp.Answer uploaded = evidence(officer, id, PHOTO);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().path("evidence").get(0).path("sm3").asText()).isEqualTo(Sm3.of(PHOTO).hex());
        assertThat(officer.post(path(id, "notices"), Map.of("servedOn", today().toString(), "kind", "FINE",
                "fineFen", 300_000, "circumstance", "minor")).status()).isEqualTo(200);
        assertThat(head.post(path(id, "decision"), Map.of("decidedOn", today().toString(), "decisionNumber",
                "海市监罚〔2026〕1号", "kind", "FINE", "fineFen", 300_000, "circumstance", "minor")).status())
                .isEqualTo(200);
        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));
        // A signed municipal system acting for the officer records the service.
        StaffHttp.Answer served = StaffHttp.client(port, CASE_SYSTEM, CASE_SYSTEM_SECRET, "hf-officer-1")
                .post(path(id, "service"), Map.of("servedOn", today().toString(), "method", "direct",
                        "recipient", "legal representative"));
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        assertThat(officer.post(path(id, "payments"), Map.of("paidOn", today().toString(), "amountFen", 300_000))
                .status()).isEqualTo(200);
        assertThat(officer.post(path(id, "closure"), Map.of("closedOn", today().toString(), "summary", "paid"))
                .status()).isEqualTo(200);
        StaffHttp.Answer archived = officer.post(path(id, "archive"), Map.of("archivedOn", today().toString()));

        assertThat(archived.status()).isEqualTo(200);
        JsonNode summary = archived.json().path("summary");
        assertThat(summary.path("stage").asText()).isEqualTo("ARCHIVED");
        assertThat(summary.path("partyIdMasked").asText()).isEqualTo("9144************54");
        assertThat(archived.body()).doesNotContain(ORG_ID);
        // 9 steps, the 法人库 check at filing, the seal; the province's 双公示 confirmation arrives when it arrives.
        assertThat(archived.json().path("record").findValuesAsText("type")).filteredOn(t -> !t.equals("DecisionPublished"))
                .hasSize(11);
        assertThat(archived.json().path("record").findValuesAsText("type")).filteredOn(t -> t.equals("DecisionPublished"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(archived.etag()).isEqualTo("\"" + summary.path("version").asLong() + "\"");

        StaffHttp.Answer file = officer.get(path(id, "evidence/E1/file"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("photo of the shop front");

        CaseFileVerifier.Report casefile = CaseFileVerifier.verify(new ByteArrayInputStream(
                as("city-supervisor").getBytes(path(id, "casefile"))));
        assertThat(casefile.problems()).isEmpty();
        assertThat(casefile.entries()).as("the 11 entries above, and the 双公示 confirmation if it has arrived")
                .isBetween(11, 12);
    }

    @Test
    void aStaleIfMatch_is409_andNothingIsWritten() {
        String id = lead("hf-officer-1", "441521", "stale 餐饮有限公司");
        String etag = as("hf-officer-1").get(path(id, "")).etag();
        assertThat(as("hf-head").post(path(id, "filing"), Map.of("filedOn", today().toString()), etag).status())
                .isEqualTo(200);

        StaffHttp.Answer stale = as("hf-head").post(path(id, "declination"), Map.of("declinedOn", today().toString(),
                "reason", "duplicate"), etag);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("CONFLICT");
        assertThat(stale.json().path("conflict").asText()).isEqualTo("CONCURRENT_EDIT");
        // lead, the filing's 法人库 check, the filing
        assertThat(as("hf-officer-1").get(path(id, "")).json().path("record")).hasSize(3);
    }

    @Test
    void anIllegalTransition_is409WithTheReason_andNothingIsWritten() {
        String id = lead("hf-officer-1", "441521", "illegal 餐饮有限公司");

        StaffHttp.Answer refused = as("hf-officer-1").post(path(id, "archive"), Map.of("archivedOn",
                today().toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(refused.json().path("detail").asText()).contains("cannot archive the case");
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_event WHERE case_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void badInput_isAFieldLevelProblem() {
        StaffHttp officer = as("hf-officer-1");
        Map<String, Object> unknownField = new HashMap<>(leadBody("441521", "x"));
        unknownField.put("fineFenn", 1);
        Map<String, Object> badEnum = new HashMap<>(leadBody("441521", "x"));
        badEnum.put("party", Map.of("kind", "COMPANY", "name", "x", "idNumber", ORG_ID));
        Map<String, Object> badId = new HashMap<>(leadBody("441521", "x"));
        badId.put("party", Map.of("kind", "ORGANISATION", "name", "x", "idNumber", "91441500MA4W123455"));
        Map<String, Object> wrongType = new HashMap<>(leadBody("441521", "x"));
        wrongType.put("discoveredOn", "yesterday");
        Map<String, Object> missing = new HashMap<>(leadBody("441521", "x"));
        missing.remove("facts");
        Map<String, Object> foreignPlace = new HashMap<>(leadBody("441581", "x"));

        assertField(officer.post("/api/v1/cases/penalties", unknownField), "fineFenn");
        assertField(officer.post("/api/v1/cases/penalties", badEnum), "party.kind");
        assertField(officer.post("/api/v1/cases/penalties", badId), "party.idNumber");
        assertField(officer.post("/api/v1/cases/penalties", wrongType), "discoveredOn");
        assertField(officer.post("/api/v1/cases/penalties", missing), "facts");
        assertThat(officer.post("/api/v1/cases/penalties", "{not json").code()).isEqualTo("MALFORMED_REQUEST");
        assertField(officer.get("/api/v1/cases/penalties/not-a-uuid"), "id");
        assertField(officer.get("/api/v1/cases/penalties?sort=partyIdNumber"), "sort");
        assertField(officer.get("/api/v1/cases/penalties?stage=OPEN"), "stage");
        assertField(officer.get("/api/v1/cases/penalties?size=1000"), "size");
        StaffHttp.Answer outside = officer.post("/api/v1/cases/penalties", foreignPlace);
        assertThat(outside.status()).isEqualTo(409);
        assertThat(outside.json().path("detail").asText()).contains("outside the jurisdiction");
    }

    @Test
    void oversizedBodiesAndUploads_are413() {
        String id = lead("hf-officer-1", "441521", "oversized 餐饮有限公司");
        as("hf-head").post(path(id, "filing"), Map.of("filedOn", today().toString()));
        String huge = "{\"filedOn\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertThat(as("hf-head").post(path(id, "filing"), huge).status()).isEqualTo(413);
        assertThat(evidence(as("hf-officer-1"), id, new byte[70 * 1024]).status()).isEqualTo(413);
        StaffHttp.Answer empty = evidence(as("hf-officer-1"), id, new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(as("hf-officer-1").get(path(id, "")).json().path("evidence")).isEmpty();
    }

    @Test
    void evidenceNeedsTwoCertifiedOfficersOfTheSubject() {
        String id = lead("hf-officer-1", "441521", "two officers 餐饮有限公司");
        as("hf-head").post(path(id, "filing"), Map.of("filedOn", today().toString()));
        Map<String, Object> alone = new HashMap<>(Map.of("description", "shop front", "collectedAt",
                java.time.Instant.now().minusSeconds(60).toString(), "where", "shop", "coOfficerIds",
                List.of("lf-officer-1")));

        StaffHttp.Answer refused = as("hf-officer-1").multipart(path(id, "evidence"), alone, "a.jpg", PHOTO, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("does not belong to the subject");
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_evidence_file WHERE case_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void listsArePagedSortedAndFiltered() {
        String party = "paged " + UUID.randomUUID();
        String a = lead("hf-officer-1", "441521", party);
        String b = lead("hf-officer-1", "441521", party);
        // Case numbers sort as text: …〔2026〕10号 comes before …〔2026〕9号 once other tests have opened cases.
        boolean aFirst = caseNumber(a).compareTo(caseNumber(b)) < 0;
        String first = aFirst ? a : b;
        String second = aFirst ? b : a;
        String base = "/api/v1/cases/penalties?partyName=" + party.replace(" ", "%20");

        StaffHttp.Answer page0 = as("hf-officer-1").get(base + "&sort=caseNumber&direction=ASC&size=1&page=0");
        StaffHttp.Answer page1 = as("hf-officer-1").get(base + "&sort=caseNumber&direction=ASC&size=1&page=1");

        assertThat(page0.json().path("total").asLong()).isEqualTo(2);
        // The total is exact below the cap (ADR 0517), and the answer says so.
        assertThat(page0.json().path("totalIsLowerBound").isBoolean()).isTrue();
        assertThat(page0.json().path("totalIsLowerBound").asBoolean()).isFalse();
        assertThat(page0.json().path("items").get(0).path("id").asText()).isEqualTo(first);
        assertThat(page1.json().path("items").get(0).path("id").asText()).isEqualTo(second);
        assertThat(as("hf-officer-1").get(base + "&stage=FILED").json().path("total").asLong()).isZero();
    }

    private String caseNumber(String id) {
        return as("hf-officer-1").get(path(id, "")).json().path("summary").path("caseNumber").asText();
    }

    static void assertField(StaffHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
    }
}
