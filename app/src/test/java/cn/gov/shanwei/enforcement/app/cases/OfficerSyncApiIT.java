package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer registry synced from the sandbox's 执法人员库 through the hub (issue 7): on demand by an administrator,
 * new officers of registered subjects added, a renewed certificate applied, an officer the library drops flagged and
 * kept, conflicts reported, every change audited and readable; the province down changes nothing (503).
 */
class OfficerSyncApiIT extends StaffApiTestBase {

    static final String SYNC = "/api/v1/admin/officers/sync";

    @Autowired
    ProvinceSandbox sandbox;

    @AfterEach
    void restore() {
        sandbox.staffDirectory().reset();
        sandbox.restore(SandboxService.IDENTITY);
    }

    static Map<String, Object> record(String user, String officerId, String name, String certificate, String subject,
                                      String validTo) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("staffUserId", user);
        r.put("officerId", officerId);
        r.put("name", name);
        r.put("certificateNumber", certificate);
        r.put("subjectId", subject);
        r.put("subjectName", subject + " 名称");
        r.put("validFrom", "2024-01-01");
        r.put("validTo", validTo);
        r.put("status", "VALID");
        return r;
    }

    JsonNode officer(String id) {
        StaffHttp.Answer a = as("city-admin").get("/api/v1/admin/officers/" + id);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void anAdministratorSyncsTheLibrary_addingRenewingAndFlagging_withEveryChangeAudited() {
        StaffHttp admin = as("city-admin");
        if (admin.get("/api/v1/admin/subjects/HF-SCJG").status() == 404) {
            assertThat(admin.post("/api/v1/admin/subjects", Map.of("id", "HF-SCJG", "name", "海丰县市场监督管理局（省库）",
                    "regionCode", "441521", "domains", List.of("market-supervision"), "supervisory", false)).status())
                    .isEqualTo(201);
        }
        assertThat(admin.post("/api/v1/admin/officers", officerBody("sync-officer-1", HF, "OFFICER",
                "4415-sync-officer-1")).status()).isEqualTo(201);
        sandbox.staffDirectory().put(record("uid-sync-officer-1", "44159801", "officer sync-officer-1",
                "4415-sync-officer-1", HF, "2031-12-31"));
        sandbox.staffDirectory().put(record("sw-staff-0901", "44159802", "外县人员", "44159820260002", "SW-NOWHERE",
                "2030-12-31"));

        StaffHttp.Answer first = admin.post(SYNC, Map.of());

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("officersRead").asInt()).isEqualTo(10);
        assertThat(first.json().path("conflicts").findValuesAsText("kind")).contains("SUBJECT_NOT_REGISTERED");
        JsonNode added = officer("44150003");
        assertThat(added.path("name").asText()).isEqualTo("黄伟明");
        assertThat(added.path("subjectId").asText()).isEqualTo("HF-SCJG");
        assertThat(added.path("staffUserId").asText()).isEqualTo("sw-staff-0003");
        assertThat(added.path("roles").get(0).asText()).isEqualTo("OFFICER");
        assertThat(added.path("certificate").path("validTo").asText()).isEqualTo("2026-05-31");
        JsonNode renewed = officer("sync-officer-1");
        assertThat(renewed.path("certificate").path("validTo").asText()).isEqualTo("2031-12-31");
        assertThat(renewed.path("missingUpstreamSince").isNull()).isTrue();
        assertThat(officer("hf-officer-2").path("missingUpstreamSince").asText()).isNotBlank();
        assertThat(admin.get("/api/v1/admin/officers/44159802").status()).isEqualTo(404);
        JsonNode changes = admin.get("/api/v1/admin/officers/sync-officer-1/changes").json();
        assertThat(changes.findValuesAsText("kind")).containsExactly("REGISTERED", "UPDATED");
        assertThat(changes.get(0).path("changedBy").asText()).isEqualTo("city-admin");
        assertThat(changes.get(1).path("changedBy").asText()).isEqualTo("province-sync");
        assertThat(changes.get(1).path("what").asText()).contains("validTo: 2030-12-31 → 2031-12-31");
        assertThat(changes.toString()).doesNotContain(PERSON_ID);

        // Run again: nothing new; then the library drops an officer: flagged, kept.
        StaffHttp.Answer again = admin.post(SYNC, Map.of());
        assertThat(again.json().path("added").asInt() + again.json().path("updated").asInt()
                + again.json().path("missing").asInt()).isZero();
        sandbox.staffDirectory().remove("sw-staff-0003");
        StaffHttp.Answer dropped = admin.post(SYNC, Map.of());
        assertThat(dropped.json().path("missing").asInt()).isEqualTo(1);
        assertThat(officer("44150003").path("missingUpstreamSince").asText()).isNotBlank();
        JsonNode status = admin.get(SYNC).json();
        assertThat(status.path("state").path("officersRead").asInt()).isEqualTo(9);
        assertThat(status.path("missingUpstream").findValuesAsText("officerId")).contains("44150003");
        assertThat(status.path("conflicts").findValuesAsText("kind")).contains("SUBJECT_NOT_REGISTERED");
        assertThat(admin.get("/api/v1/admin/officers/44150003/changes").json().findValuesAsText("kind"))
                .containsExactly("ADDED", "MISSING_UPSTREAM");
    }

    @Test
    void theProvinceDown_is503WithNothingChanged_andOnlyAdministratorsMaySync() {
        sandbox.simulateOutage(SandboxService.IDENTITY);

        StaffHttp.Answer down = as("city-admin").post(SYNC, Map.of());

        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(as("hf-head").post(SYNC, Map.of()).status()).isEqualTo(403);
        assertThat(as("hf-head").get(SYNC).status()).isEqualTo(403);
        assertThat(as("city-admin").get("/api/v1/admin/officers/nobody/changes").status()).isEqualTo(404);
    }
}
