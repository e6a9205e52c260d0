package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision platform fed by the case platform's procedure log (issue 8, ADR 0610): a coercive measure and a
 * targeted inspection recorded through the staff API show in the supervision API of the county's justice bureau —
 * the measure in the measures in force, the inspection in the inspection coverage once its object (a person, by
 * 身份证号) is in the inspection-object catalogue — and the person's id number shows in no supervision view but the
 * catalogue the supervisor keeps.
 */
class SupervisionFeedIT extends StaffApiTestBase {

    static final String SUPERVISION = "/api/v1/supervision";
    /** A person inspected by this test only. */
    static final String INSPECTED_PERSON = "441521198507150015";

    @Test
    void measuresAndInspectionsReachTheSupervisor() {
        StaffHttp supervisor = as("hf-supervisor");
        String month = YearMonth.from(today()).toString();
        String indicators = SUPERVISION + "/indicators?from=" + month + "&to=" + month + "&level=SUBJECT&asOf="
                + today();
        StaffHttp.Answer catalogue = supervisor.put(SUPERVISION + "/inspection-objects/" + HF, Map.of("objects",
                List.of(Map.of("objectId", INSPECTED_PERSON, "name", "被检查个体户", "matterCode", INSPECTION_ITEM,
                        "listedOn", today().withDayOfMonth(1).toString()))), null);
        assertThat(catalogue.status()).as(catalogue.body()).isEqualTo(200);
        JsonNode before = subjectRow(supervisor.get(indicators), HF);
        assertThat(before.path("measures").path("CATALOGUE_OBJECTS").asLong()).isEqualTo(1);
        assertThat(before.path("measures").path("OBJECTS_INSPECTED").asLong()).isZero();

        StaffHttp.Answer measure = as("hf-officer-1").post(ProcedureApiIT.MEASURES, measureBody("441521",
                "supervised measure " + UUID.randomUUID(), "hf-officer-2", "hf-head"));
        assertThat(measure.status()).as(measure.body()).isEqualTo(201);
        String measureNumber = measure.json().path("summary").path("caseNumber").asText();

        Map<String, Object> plan = new java.util.HashMap<>(inspectionBody("441521", "被检查个体户", "hf-officer-1",
                "hf-officer-2"));
        plan.put("entity", Map.of("kind", "PERSON", "name", "被检查个体户", "idNumber", INSPECTED_PERSON));
        String inspection = created("hf-officer-1", ProcedureApiIT.INSPECTIONS, plan);
        assertThat(as("hf-head").post(ProcedureApiIT.INSPECTIONS + "/" + inspection + "/approval",
                Map.of("opinion", "同意")).status()).isEqualTo(200);
        JsonNode planned = subjectRow(supervisor.get(indicators), HF);
        assertThat(planned.path("measures").path("OBJECTS_INSPECTED").asLong()).as("planned, not yet done").isZero();
        StaffHttp.Answer onSite = as("hf-officer-1").post(ProcedureApiIT.INSPECTIONS + "/" + inspection + "/on-site",
                Map.of("inspectedAt", java.time.Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"),
                        "findings", "未发现问题", "onSite", Map.of("presence", "SIGNED", "recordSm3", "c".repeat(64))));
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(200);

        StaffHttp.Answer measures = supervisor.get(SUPERVISION + "/measures?asOf=" + today());
        assertThat(measures.status()).as(measures.body()).isEqualTo(200);
        JsonNode seen = null;
        for (JsonNode m : measures.json()) {
            if (m.path("caseNumber").asText().equals(measureNumber)) {
                seen = m;
            }
        }
        assertThat(seen).as(measures.body()).isNotNull();
        assertThat(seen.path("subject").asText()).isEqualTo(HF);
        assertThat(seen.path("stage").asText()).isEqualTo("IN_FORCE");
        assertThat(seen.path("deadlines").get(0).path("dueOn").asText()).isNotBlank();
        assertThat(as("lf-officer-1").get(SUPERVISION + "/measures").status()).as("not a supervisor").isEqualTo(403);

        StaffHttp.Answer after = supervisor.get(indicators);
        JsonNode row = subjectRow(after, HF);
        assertThat(row.path("measures").path("INSPECTIONS_DONE").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.path("measures").path("OBJECTS_INSPECTED").asLong()).isEqualTo(1);
        assertThat(row.path("indicators").path("INSPECTION_COVERAGE").asDouble()).isEqualTo(1.0);

        assertThat(measures.body()).doesNotContain(INSPECTED_PERSON).doesNotContain(ORG_ID);
        assertThat(after.body()).doesNotContain(INSPECTED_PERSON);
        assertThat(supervisor.get(SUPERVISION + "/alerts?asOf=" + today()).body()).doesNotContain(INSPECTED_PERSON)
                .doesNotContain(ORG_ID);
    }

    private static JsonNode subjectRow(StaffHttp.Answer answer, String subject) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findParents("code").stream().filter(n -> n.get("code").asText().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + subject + ": " + answer.body()));
    }
}
