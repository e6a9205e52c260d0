package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coercive measures, inspections and on-the-spot penalties over HTTP: their steps with ETag / If-Match, and every
 * kind of bad input answered as problem+json with nothing written.
 */
class ProcedureApiIT extends StaffApiTestBase {

    static final String MEASURES = "/api/v1/cases/coercive-measures";
    static final String INSPECTIONS = "/api/v1/cases/inspections";
    static final String ON_THE_SPOT = "/api/v1/cases/penalties/on-the-spot";

    @Test
    void aMeasureIsTakenExtendedAndReleased_withIfMatch() {
        String party = "measure api " + UUID.randomUUID();
        StaffHttp.Answer taken = as("hf-officer-1").post(MEASURES, measureBody("441521", party, "hf-officer-2",
                "hf-head"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.etag()).isEqualTo("\"0\"");
        String id = taken.json().path("summary").path("id").asText();
        assertThat(taken.json().path("summary").path("stage").asText()).isEqualTo("IN_FORCE");
        assertThat(taken.json().path("summary").path("partyIdMasked").asText()).doesNotContain(ORG_ID);
        assertThat(taken.json().path("deadlines").get(0).path("dueOn").asText()).isNotBlank();

        Map<String, Object> extension = Map.of("days", 30, "reason", "案情复杂", "notifiedOn", today().toString());
        StaffHttp.Answer stale = as("hf-head").post(MEASURES + "/" + id + "/extension", extension, "\"7\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("conflict").asText()).isEqualTo("CONCURRENT_EDIT");
        // the decision's seal is recorded on the measure when it arrives: read the version after it
        String sealed = settled(MEASURES + "/" + id);
        assertThat(sealed).isEqualTo("\"1\"");
        StaffHttp.Answer extended = as("hf-head").post(MEASURES + "/" + id + "/extension", extension, sealed);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().path("particulars").path("extensionDays").asInt()).isEqualTo(30);
        // the extension's own decision (延长期限决定书) is sealed and recorded after it: read the version after that
        StaffHttp.Answer again = as("hf-head").post(MEASURES + "/" + id + "/extension", extension,
                settled(MEASURES + "/" + id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(as("hf-head").post(MEASURES + "/" + id + "/extension", Map.of("days", 31, "reason", "x",
                "notifiedOn", today().toString())).status()).isEqualTo(400);

        StaffHttp.Answer released = as("hf-head").post(MEASURES + "/" + id + "/release", Map.of("releasedOn",
                today().toString(), "ground", "NO_LONGER_NEEDED", "explanation", "处理完毕"));
        assertThat(released.json().path("summary").path("stage").asText()).isEqualTo("RELEASED");
        assertThat(as("hf-officer-1").get(MEASURES + "?stage=RELEASED&partyName=" + party.replace(" ", "%20"))
                .json().path("total").asLong()).isEqualTo(1);
    }

    /** 当事人标识 search on the procedures' lists (ADR 0530): own jurisdiction only, a malformed identifier a 400. */
    @Test
    void theProcedureLists_findAPartyByItsIdentifier_inTheJurisdictionOnly() {
        String uscc = randomUscc();
        Map<String, Object> body = new HashMap<>(measureBody("441521", "identified " + UUID.randomUUID(),
                "hf-officer-2", "hf-head"));
        body.put("party", Map.of("kind", "ORGANISATION", "name", "标识检索企业", "idNumber", uscc));
        StaffHttp.Answer taken = as("hf-officer-1").post(MEASURES, body);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String id = taken.json().path("summary").path("id").asText();

        StaffHttp.Answer own = as("hf-officer-1").get(MEASURES + "?partyId=" + uscc.toLowerCase());
        StaffHttp.Answer foreign = as("lf-head").get(MEASURES + "?partyId=" + uscc);
        StaffHttp.Answer noInspections = as("hf-officer-1").get(INSPECTIONS + "?partyId=" + uscc);
        StaffHttp.Answer bad = as("hf-officer-1").get(INSPECTIONS + "?partyId=" + uscc.substring(1));

        assertThat(own.json().path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(own.json().path("total").asLong()).isEqualTo(1);
        assertThat(foreign.json().path("total").asLong()).isZero();
        assertThat(noInspections.json().path("total").asLong()).isZero();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("partyId").doesNotContain(uscc.substring(1));
    }

    @Test
    void badMeasureBodies_areFieldErrors_andWriteNothing() {
        String party = "bad measure " + UUID.randomUUID();
        Map<String, Object> unknown = new HashMap<>(measureBody("441521", party, "hf-officer-2", "hf-head"));
        unknown.put("fineFen", 1);
        Map<String, Object> wrongType = new HashMap<>(measureBody("441521", party, "hf-officer-2", "hf-head"));
        wrongType.put("imposedAt", "yesterday");
        Map<String, Object> badEnum = new HashMap<>(measureBody("441521", party, "hf-officer-2", "hf-head"));
        badEnum.put("kind", "CONFISCATE");
        Map<String, Object> missing = new HashMap<>(measureBody("441521", party, "hf-officer-2", "hf-head"));
        missing.remove("items");

        assertField(as("hf-officer-1").post(MEASURES, unknown), "fineFen", "not a field");
        assertField(as("hf-officer-1").post(MEASURES, wrongType), "imposedAt", "");
        assertField(as("hf-officer-1").post(MEASURES, badEnum), "kind", "must be one of");
        assertThat(as("hf-officer-1").post(MEASURES, missing).status()).isEqualTo(400);
        StaffHttp.Answer alone = as("hf-officer-1").post(MEASURES, measureBody("441521", party, "hf-officer-1",
                "hf-head"));
        assertThat(alone.status()).as(alone.body()).isEqualTo(409);
        assertThat(alone.json().path("detail").asText()).contains("art. 18(2)");
        assertThat(as("hf-officer-1").post(MEASURES, measureBody("441521", party, "hf-officer-2", "hf-officer-2"))
                .status()).isEqualTo(400);
        assertThat(as("hf-officer-1").get(MEASURES + "?sort=partyIdEnc").status()).isEqualTo(400);
        assertThat(as("hf-officer-1").get(MEASURES + "?partyName=" + party.replace(" ", "%20")).json()
                .path("total").asLong()).isZero();
    }

    @Test
    void anInspectionRunsToItsPenaltyCase_andAForeignOneIsRefusedWithoutLeaking() {
        String entity = "inspected api " + UUID.randomUUID();
        String id = created("hf-officer-1", INSPECTIONS, inspectionBody("441521", entity, "hf-officer-1",
                "hf-officer-2"));
        assertThat(as("hf-head").post(INSPECTIONS + "/" + id + "/approval", Map.of("opinion", "同意")).status())
                .isEqualTo(200);
        StaffHttp.Answer onSite = as("hf-officer-1").post(INSPECTIONS + "/" + id + "/on-site", Map.of(
                "inspectedAt", java.time.Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"),
                "findings", "未公示许可证", "onSite", Map.of("presence", "SIGNED", "recordSm3", "b".repeat(64))));
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(200);
        assertField(as("hf-officer-1").post(INSPECTIONS + "/" + id + "/result", Map.of("result", "VIOLATION",
                "on", today().toString(), "facts", "未公示")), "penaltyMatterCode", "required");
        StaffHttp.Answer found = as("hf-officer-1").post(INSPECTIONS + "/" + id + "/result", Map.of("result",
                "VIOLATION", "on", today().toString(), "penaltyMatterCode", MATTER, "facts", "未公示食品经营许可信息"));
        assertThat(found.json().path("summary").path("stage").asText()).as(found.body()).isEqualTo("REFERRED");

        StaffHttp.Answer penalty = as("hf-officer-1").post(INSPECTIONS + "/" + id + "/penalty-case", Map.of());
        assertThat(penalty.status()).as(penalty.body()).isEqualTo(201);
        assertThat(penalty.json().path("summary").path("partyName").asText()).isEqualTo(entity);
        assertThat(as("hf-officer-1").post(INSPECTIONS + "/" + id + "/penalty-case", Map.of()).status())
                .isEqualTo(409);

        StaffHttp.Answer foreign = as("lf-head").get(INSPECTIONS + "/" + id);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(entity);
        assertThat(as("hf-officer-1").get(MEASURES + "/" + id).status()).isEqualTo(403);
        assertThat(as("hf-officer-1").get(INSPECTIONS + "/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void onTheSpot_keepsTheSummaryLimitsOfArticle51() {
        String person = "441521199001011231";
        assertThat(onTheSpot("PERSON", person, 20_000).status()).isEqualTo(201);
        StaffHttp.Answer tooMuch = onTheSpot("PERSON", person, 20_001);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().path("detail").asText()).contains("art. 51");
        StaffHttp.Answer organisation = onTheSpot("ORGANISATION", ORG_ID, 300_000);
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        assertThat(organisation.json().path("summary").path("summary").asBoolean()).isTrue();
        assertThat(organisation.json().path("summary").path("fineFen").asLong()).isEqualTo(300_000);
        assertThat(onTheSpot("ORGANISATION", ORG_ID, 300_001).status()).isEqualTo(409);
        Map<String, Object> alone = new HashMap<>(onTheSpotBody("PERSON", person, 100));
        alone.put("coOfficerIds", List.of());
        assertField(as("hf-officer-1").post(ON_THE_SPOT, alone), "coOfficerIds", "");
        Map<String, Object> badKind = new HashMap<>(onTheSpotBody("PERSON", person, 100));
        badKind.put("kind", "DETENTION");
        assertField(as("hf-officer-1").post(ON_THE_SPOT, badKind), "kind", "must be one of");
        assertThat(as("hf-head").post(ON_THE_SPOT, onTheSpotBody("PERSON", person, 100)).status()).isEqualTo(403);
    }

    private StaffHttp.Answer onTheSpot(String kind, String id, long fen) {
        return as("hf-officer-1").post(ON_THE_SPOT, onTheSpotBody(kind, id, fen));
    }

    private static Map<String, Object> onTheSpotBody(String kind, String id, long fen) {
        return Map.of("matterCode", MATTER, "party", Map.of("kind", kind, "name", "on the spot", "idNumber", id),
                "placeCode", "441521", "coOfficerIds", List.of("hf-officer-2"), "kind", "FINE", "fineFen", fen,
                "facts", "未公示");
    }

    private static void assertField(StaffHttp.Answer a, String field, String message) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        JsonNode errors = a.json().path("errors");
        assertThat(errors.toString()).as(a.body()).contains("\"" + field + "\"").contains(message);
    }
}
