package cn.gov.shanwei.enforcement.app.cases;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.cases.PenaltyCaseApiIT.assertField;
import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/** Administration: versions as If-Match, masked personal data, matter versions, and bad input. */
class AdminApiIT extends StaffApiTestBase {

    StaffHttp admin() {
        return as("city-admin");
    }

    @Test
    void aSubjectChangesOnlyAtTheVersionRead() {
        StaffHttp.Answer read = admin().get("/api/v1/admin/subjects/" + HC);
        Map<String, Object> renamed = Map.of("id", HC, "name", "海城镇综合行政执法队", "regionCode", "441521100",
                "domains", List.of("market-supervision"), "supervisory", false);

        StaffHttp.Answer changed = admin().put("/api/v1/admin/subjects/" + HC, renamed, read.etag());
        StaffHttp.Answer stale = admin().put("/api/v1/admin/subjects/" + HC, renamed, read.etag());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.etag()).isNotEqualTo(read.etag());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("conflict").asText()).isEqualTo("CONCURRENT_EDIT");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(changed.json().path("version").asLong());
        assertField(admin().put("/api/v1/admin/subjects/" + HC, renamed, null), "If-Match");
        assertField(admin().put("/api/v1/admin/subjects/" + HC, renamed, "\"seven\""), "If-Match");
    }

    @Test
    void officersPersonalDataIsNeverShownInFull() {
        String id = "hf-new-" + UUID.randomUUID().toString().substring(0, 8);
        StaffHttp.Answer created = admin().post("/api/v1/admin/officers", officerBody(id, HF, "OFFICER",
                "4415-" + id));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("idNumberMasked").asText()).isEqualTo("4415************31");
        assertThat(created.json().path("phoneMasked").asText()).isEqualTo("1380*****00");
        assertThat(created.body()).doesNotContain(PERSON_ID).doesNotContain("13800138000");
        assertThat(admin().get("/api/v1/admin/officers?subjectId=" + HF).body()).doesNotContain(PERSON_ID);
        assertThat(admin().post("/api/v1/admin/officers", officerBody(id, HF, "OFFICER", "4415-x" + id)).status())
                .isEqualTo(409);
    }

    @Test
    void badOfficers_areFieldLevelProblems() {
        Map<String, Object> badId = new HashMap<>(officerBody("bad-1", HF, "OFFICER", "4415-bad-1"));
        badId.put("idNumber", "12345");
        Map<String, Object> badRole = new HashMap<>(officerBody("bad-2", HF, "CHIEF", "4415-bad-2"));
        Map<String, Object> unknownSubject = new HashMap<>(officerBody("bad-3", "SW-NOWHERE", "OFFICER",
                "4415-bad-3"));
        Map<String, Object> unknownField = new HashMap<>(officerBody("bad-4", HF, "OFFICER", "4415-bad-4"));
        unknownField.put("password", "secret");
        Map<String, Object> inverted = new HashMap<>(officerBody("bad-5", HF, "OFFICER", "4415-bad-5"));
        inverted.put("certificate", Map.of("number", "4415-bad-5", "domains", List.of("market-supervision"),
                "validFrom", "2030-01-01", "validTo", "2024-01-01", "status", "VALID"));

        assertField(admin().post("/api/v1/admin/officers", badId), "idNumber");
        assertField(admin().post("/api/v1/admin/officers", badRole), "roles[0]");
        assertField(admin().post("/api/v1/admin/officers", unknownSubject), "subjectId");
        assertField(admin().post("/api/v1/admin/officers", unknownField), "password");
        assertField(admin().post("/api/v1/admin/officers", inverted), "validTo");
        assertThat(admin().get("/api/v1/admin/officers/bad-1").status()).isEqualTo(404);
    }

    @Test
    void aMatterGetsNewVersions_andCasesKeepTheirs() {
        String before = lead("hf-officer-1", "441521", "matter version 餐饮有限公司");
        StaffHttp.Answer matter = admin().get("/api/v1/admin/matters/" + MATTER);
        String later = today().plusDays(30 + matter.json().path("versions").size()).toString();
        int next = matter.json().path("versions").size() + 1;

        StaffHttp.Answer adjusted = admin().post("/api/v1/admin/matters/" + MATTER + "/versions",
                matterBody(next, later), matter.etag());
        StaffHttp.Answer skipped = admin().post("/api/v1/admin/matters/" + MATTER + "/versions",
                matterBody(next + 5, today().plusYears(5).toString()), adjusted.etag());
        StaffHttp.Answer stale = admin().post("/api/v1/admin/matters/" + MATTER + "/versions",
                matterBody(next + 1, today().plusYears(6).toString()), matter.etag());

        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(201);
        assertThat(adjusted.json().path("versions")).hasSize(next);
        assertThat(skipped.status()).isEqualTo(400);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(as("hf-officer-1").get("/api/v1/cases/penalties/" + before).json().path("summary")
                .path("matterVersion").asInt()).isEqualTo(1);
    }

    @Test
    void matterChanges_areAudited_mappedToSupervisionItems_andSyncedFromTheProvince() {
        Map<String, Object> noReason = new HashMap<>(matterBody(1, "2024-01-01"));
        noReason.put("code", "330217009000");
        noReason.remove("reason");
        assertField(admin().post("/api/v1/admin/matters", noReason), "reason");
        Map<String, Object> local = new HashMap<>(noReason);
        local.put("reason", "本地承接省事项");
        local.put("name", "对未取得食品经营许可从事食品经营的行政处罚");
        local.put("supervisionItemCode", "SUP-0009");
        assertThat(admin().post("/api/v1/admin/matters", local).status()).isEqualTo(201);

        StaffHttp.Answer changes = admin().get("/api/v1/admin/matters/330217009000/changes");
        assertThat(changes.json().get(0).path("changedBy").asText()).isEqualTo("city-admin");
        assertThat(changes.json().get(0).path("reason").asText()).isEqualTo("本地承接省事项");
        assertThat(changes.json().get(0).path("kind").asText()).isEqualTo("ADDED");
        StaffHttp.Answer mapping = admin().get("/api/v1/admin/matters/supervision-items?on=2025-01-01&item=SUP-0009");
        assertThat(mapping.json()).hasSize(1);
        assertThat(mapping.json().get(0).path("matterCode").asText()).isEqualTo("330217009000");

        // the sandbox's 执法事项库 renames and repeals 330217009000 (replacing the local name: reported) and lists
        // three matters the hub does not have
        StaffHttp.Answer synced = admin().post("/api/v1/admin/matters/sync", Map.of());
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().path("toVersion").asLong()).isEqualTo(3);
        assertThat(synced.json().path("versionsWritten").asInt()).isEqualTo(1);
        assertThat(synced.json().path("conflicts").findValuesAsText("code")).containsExactlyInAnyOrder(
                "330217001000", "330217002000", "330217003000", "330217009000");
        assertThat(synced.json().path("conflicts").findValuesAsText("kind")).containsOnly("NOT_IN_LOCAL_CATALOGUE",
                "LOCAL_ADJUSTMENT_OVERRIDDEN");
        StaffHttp.Answer repealed = admin().get("/api/v1/admin/matters/330217009000/changes");
        assertThat(repealed.json().get(1).path("kind").asText()).isEqualTo("CANCELLED");
        assertThat(repealed.json().get(1).path("source").asText()).isEqualTo("PROVINCE");

        StaffHttp.Answer again = admin().post("/api/v1/admin/matters/sync", Map.of());
        assertThat(again.json().path("versionsWritten").asInt()).isZero();
        assertThat(again.json().path("conflicts")).isEmpty();
        StaffHttp.Answer status = admin().get("/api/v1/admin/matters/sync");
        assertThat(status.json().path("state").path("catalogueVersion").asLong()).isEqualTo(3);
        assertThat(status.json().path("conflicts")).hasSize(4);
        assertThat(as("hf-officer-1").post("/api/v1/admin/matters/sync", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theMatterList_answersEachMatterAsItsOwnReadDoes() {
        StaffHttp.Answer list = admin().get("/api/v1/admin/matters?size=100");

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("items")).isNotEmpty();
        for (var m : list.json().path("items")) {
            assertThat(m).isEqualTo(admin().get("/api/v1/admin/matters/" + m.path("code").asText()).json());
        }
    }

    @Test
    void registryLists_arePagedFilteredAndSorted_withExactTotals() {
        long total = admin().get("/api/v1/admin/subjects?size=1").json().path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<String> ids = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            StaffHttp.Answer answer = admin().get("/api/v1/admin/subjects?size=2&page=" + page);
            assertThat(answer.json().path("items").size()).isLessThanOrEqualTo(2);
            answer.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        }
        assertThat(ids).as("the pages together, by id").hasSize((int) total).doesNotHaveDuplicates().isSorted();
        List<String> descending = admin().get("/api/v1/admin/subjects?sort=id&direction=DESC&size=100").json()
                .path("items").findValuesAsText("id");
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);

        StaffHttp.Answer county = admin().get("/api/v1/admin/subjects?regionCode=441521&size=100");
        assertThat(county.json().path("items").findValuesAsText("regionCode")).isNotEmpty()
                .allMatch(code -> code.startsWith("441521")).contains("441521100");
        assertThat(county.json().path("items").findValuesAsText("id")).contains(HF, HC).doesNotContain(LF);
        assertThat(admin().get("/api/v1/admin/subjects?q=hf-h").json().path("items").findValuesAsText("id"))
                .contains(HC).doesNotContain(HF, LF);

        StaffHttp.Answer officers = admin().get("/api/v1/admin/officers?subjectId=" + HF + "&q=OFFICER&sort=name");
        assertThat(officers.status()).as(officers.body()).isEqualTo(200);
        assertThat(officers.json().path("items").findValuesAsText("subjectId")).isNotEmpty().containsOnly(HF);
        assertThat(officers.json().path("total").asLong()).isEqualTo(officers.json().path("items").size());
        assertThat(admin().get("/api/v1/admin/matters?q=" + MATTER.substring(6)).json().path("items")
                .findValuesAsText("code")).contains(MATTER);

        assertField(admin().get("/api/v1/admin/subjects?sort=regionCode"), "sort");
        assertField(admin().get("/api/v1/admin/officers?size=0"), "size");
        assertField(admin().get("/api/v1/admin/matters?size=101"), "size");
        assertField(admin().get("/api/v1/admin/matters?page=-1"), "page");
        assertField(admin().get("/api/v1/admin/subjects?regionCode=449999"), "regionCode");
        assertThat(admin().get("/api/v1/admin/subjects?direction=UP").status()).isEqualTo(400);
        assertThat(as("hf-officer-1").get("/api/v1/admin/officers?q=hf").status()).isEqualTo(403);
    }

    @Test
    void theStaffApiIsDescribedInOpenApi() {
        StaffHttp.Answer docs = StaffHttp.anonymous(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").fieldNames()).toIterable().contains("/api/v1/admin/officers",
                "/api/v1/cases/penalties", "/api/v1/cases/penalties/{id}/decision",
                "/api/v1/cases/penalties/{id}/evidence", "/api/v1/cases/penalties/{id}/casefile", "/api/v1/cases/sync");
        assertThat(docs.body()).doesNotContain("\"actor\"");
    }

    @Test
    void areasNestOnlyDownwards() {
        assertField(admin().post("/api/v1/admin/regions", Map.of("code", "441521101", "name", "x", "level",
                "COUNTY", "parentCode", "441521100")), "level");
        assertField(admin().post("/api/v1/admin/regions", Map.of("code", "441521102", "name", "x", "level", "TOWN",
                "parentCode", "449999")), "parentCode");
        assertField(admin().post("/api/v1/admin/regions", Map.of("code", "44-x", "name", "x", "level", "TOWN",
                "parentCode", "441521")), "regionCode");
        assertThat(admin().get("/api/v1/admin/regions").json().findValuesAsText("code")).contains("441500",
                "441521100");
    }
}
