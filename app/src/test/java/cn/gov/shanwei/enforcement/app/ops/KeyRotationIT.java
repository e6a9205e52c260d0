package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.HubApplication;
import cn.gov.shanwei.enforcement.app.messagelog.JdbcMessageLog;
import cn.gov.shanwei.enforcement.app.messagelog.MessageLogVerifier;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key rotation through the hub (ADR 0503): an officer's 身份证号 and a message-log entry written under the sandbox
 * keys, a penalty case indexed under the sandbox index key; the hub restarted with new current keys (the index key
 * too) and the old ones retired; ops watches the progress, starts the
 * re-encryption run (authenticated, audited) and sees the progress reach 0, after which the officer's masked data
 * reads as before and the message log's chain verifies with its bodies under the new key.
 */
class KeyRotationIT {

    static final String OPS = "ops-keys";
    static final String OPS_SECRET = "ops-keys-secret-0123456789abcdef012345";
    static final String OTHER = "ops-other";
    static final String OTHER_SECRET = "ops-other-secret-0123456789abcdef01234";
    static final String SANDBOX_CASE_KEY = "5a0b1c2d3e4f5061728394a5b6c7d8e9";
    static final String SANDBOX_LOG_KEY = "6b1c2d3e4f5061728394a5b6c7d8e9f0";
    static final String NEW_CASE_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String NEW_LOG_KEY = "1f2e3d4c5b6a79889706b5c4d3e2f1a0";
    static final String NEW_INDEX_KEY = "2a3b4c5d6e7f80910a1b2c3d4e5f6071";
    static final String PARTY_ID = "91441500MA4W123454";
    static final String MATTER = "C4415-SCJ-0001";
    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext start(Path dataDir, String... keys) {
        List<String> args = new ArrayList<>(List.of("--hub.data-dir=" + dataDir, "--server.port=0",
                "--hub.message-log.checkpoint-interval=1h",
                "--hub.clients." + OPS + ".name=Ops console",
                "--hub.clients." + OPS + ".secrets[0]=" + OPS_SECRET,
                "--hub.clients." + OPS + ".services[0]=" + KeyRotationController.SERVICE,
                "--hub.clients." + OTHER + ".name=Other ops console",
                "--hub.clients." + OTHER + ".secrets[0]=" + OTHER_SECRET,
                "--hub.clients." + OTHER + ".services[0]=" + OpsController.DLQ_SERVICE));
        args.addAll(List.of(keys));
        return new SpringApplicationBuilder(HubApplication.class).run(args.toArray(String[]::new));
    }

    static OpsHttp ops(ConfigurableApplicationContext hub, String client, String secret) {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        return new OpsHttp(URI.create("http://127.0.0.1:" + port), client, secret);
    }

    @Test
    void aRotationThroughTheOpsApi_movesEveryValueToTheNewKeys_andEverythingReadsAsBefore() throws Exception {
        Path dataDir = HubTestDataDir.create("key-rotation");
        long seq;
        UUID penalty;
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            hub.getBean(AdministrationService.class).createOfficer(new OfficerRegistration(new Officer(
                    new OfficerId("rotated-officer"), "轮换测试员", new SubjectId("SW-SFJ"), new EnforcementCertificate(
                    "44150099001", Set.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31),
                    CertificateStatus.VALID)), Set.of(StaffRole.SUPERVISOR), null, "441521199001011231",
                    "13800138000"));
            Instant now = Instant.now();
            seq = hub.getBean(JdbcMessageLog.class).appendOrThrow(LoggedExchange.answered(Provider.LICENCE, "verify",
                    CallContext.of("key-rotation-it", "44150077", "SW-KR-1", "330217001000", null), now, now,
                    "{\"id\":\"440000199001010000\"}", "{\"ok\":true}")).seq();
            penalty = caseOfTheParty(hub);
        }

        try (ConfigurableApplicationContext hub = start(dataDir,
                "--hub.cases.crypto.sm4-key=" + NEW_CASE_KEY,
                "--hub.cases.crypto.retired-sm4-keys=" + SANDBOX_CASE_KEY,
                // The index key too (after a compromise): the new one current, the old one only matches.
                "--hub.cases.crypto.index-key=" + NEW_INDEX_KEY,
                "--hub.cases.crypto.retired-index-keys=" + SANDBOX_CASE_KEY,
                "--hub.message-log.sm4-key=" + NEW_LOG_KEY,
                "--hub.message-log.retired-sm4-keys=" + SANDBOX_LOG_KEY)) {
            OpsHttp ops = ops(hub, OPS, OPS_SECRET);
            JdbcClient jdbc = hub.getBean(JdbcClient.class);
            assertThat(ops(hub, OTHER, OTHER_SECRET).get("/api/v1/ops/key-rotation").statusCode()).isEqualTo(403);
            assertThat(ops(hub, OTHER, OTHER_SECRET).post("/api/v1/ops/key-rotation/run", "").statusCode())
                    .isEqualTo(403);

            JsonNode before = progress(ops);
            assertThat(before.path("keys").get(0).path("keys").asText()).isEqualTo("hub.cases.crypto");
            assertThat(before.path("keys").get(0).path("currentKeyId").asText())
                    .isEqualTo(FieldCipher.keyId(NEW_CASE_KEY));
            assertThat(before.path("keys").get(0).path("retiredKeyIds").get(0).asText())
                    .isEqualTo(FieldCipher.keyId(SANDBOX_CASE_KEY));
            assertThat(remaining(before, "hub.cases.crypto", "case_officer.id_number_enc")).isPositive();
            assertThat(remaining(before, "hub.message-log", "message_log.request_body")).isPositive();
            assertThat(remaining(before, "hub.cases.crypto.index-key", "penalty_case.party_index")).isEqualTo(1);
            assertThat(before.path("keys").get(2).path("currentKeyId").asText())
                    .isEqualTo(FieldCipher.keyId(NEW_INDEX_KEY));
            assertThat(before.path("keys").get(2).path("retiredKeyIds").get(0).asText())
                    .isEqualTo(FieldCipher.keyId(SANDBOX_CASE_KEY));
            assertThat(byParty(hub)).as("found under the retired index key").containsExactly(penalty);
            assertThat(hub.getBean(AdministrationService.class).officer(new OfficerId("rotated-officer"))
                    .orElseThrow().idNumberMasked()).as("readable under the retired key")
                    .isEqualTo("4415************31");

            HttpResponse<String> run = ops.post("/api/v1/ops/key-rotation/run", "");
            assertThat(run.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(run.body()).path("running").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> !progress(ops).path("run").path("running")
                    .asBoolean());

            JsonNode after = progress(ops);
            assertThat(after.path("remaining").asLong()).isZero();
            assertThat(after.path("run").path("failure").isNull()).isTrue();
            assertThat(after.path("run").path("result").path("hub.cases.crypto").path("complete").asBoolean())
                    .isTrue();
            assertThat(after.path("run").path("result").path("hub.cases.crypto.index-key").path("complete")
                    .asBoolean()).isTrue();
            assertThat(remaining(after, "hub.cases.crypto.index-key", "penalty_case.party_index")).isZero();
            assertThat(jdbc.sql("SELECT party_index_key FROM penalty_case WHERE id = :id").param("id", penalty)
                    .query(String.class).single()).isEqualTo(FieldCipher.keyId(NEW_INDEX_KEY));
            assertThat(byParty(hub)).containsExactly(penalty);
            assertThat(jdbc.sql("SELECT id_number_enc FROM case_officer WHERE id = 'rotated-officer'")
                    .query(String.class).single()).startsWith("sm4gcm2:" + FieldCipher.keyId(NEW_CASE_KEY) + ":");
            assertThat(jdbc.sql("SELECT request_body FROM message_log WHERE seq = :s").param("s", seq)
                    .query(String.class).single()).startsWith("sm4gcm2:" + FieldCipher.keyId(NEW_LOG_KEY) + ":");
            assertThat(hub.getBean(AdministrationService.class).officer(new OfficerId("rotated-officer"))
                    .orElseThrow().idNumberMasked()).isEqualTo("4415************31");
            assertThat(hub.getBean(MessageLogVerifier.class).verify().intact()).isTrue();
            assertThat(jdbc.sql("SELECT action, outcome FROM ops_audit WHERE client_id = :c AND action LIKE "
                    + "'key-rotation.%'").param("c", OPS).query((rs, n) -> rs.getString(1) + ": " + rs.getString(2))
                    .list()).contains("key-rotation.run: started", "key-rotation.progress: remaining 0");
        }
    }

    /** A penalty case of the party {@link #PARTY_ID}, in a subject of its own. */
    static UUID caseOfTheParty(ConfigurableApplicationContext hub) {
        AdministrationService registry = hub.getBean(AdministrationService.class);
        registry.createSubject(new EnforcementSubject(new SubjectId("KR-HF"), "海丰县市场监督管理局",
                ShanweiRegions.HAIFENG, Set.of(EnforcementDomain.MARKET_SUPERVISION), false));
        registry.createOfficer(new OfficerRegistration(new Officer(new OfficerId("kr-officer"), "轮换办案员",
                new SubjectId("KR-HF"), new EnforcementCertificate("4415-kr-officer",
                Set.of(EnforcementDomain.MARKET_SUPERVISION), LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31),
                CertificateStatus.VALID)), EnumSet.of(StaffRole.OFFICER), null, "441521199001011231", "13800138000"));
        registry.addMatter(new MatterVersion(new MatterCode(MATTER), 1, LocalDate.of(2024, 1, 1),
                MatterStatus.ACTIVE, "未按规定公示食品经营许可信息", MatterKind.PENALTY,
                EnforcementDomain.MARKET_SUPERVISION, new LegalBasis("《中华人民共和国食品安全法》", "第一百二十六条"),
                new DiscretionBand(List.of(new DiscretionBand.Level("minor", 0, 500_000))), "SUP-0001"));
        return hub.getBean(PenaltyCaseService.class).registerLead(officer(hub), new NewLead(MATTER,
                new Party(Party.Kind.ORGANISATION, "汕尾市轮换餐饮有限公司", PARTY_ID), ShanweiRegions.HAIFENG.value(),
                LocalDate.now().minusDays(1), "no licence information displayed")).summary().id();
    }

    static Actor officer(ConfigurableApplicationContext hub) {
        var view = hub.getBean(AdministrationService.class).officer(new OfficerId("kr-officer")).orElseThrow();
        return new Actor(view.officer(), view.roles(), "test");
    }

    /** The penalty cases the officer finds by the party's full identifier (ADR 0530). */
    static List<UUID> byParty(ConfigurableApplicationContext hub) {
        return hub.getBean(PenaltyCaseService.class).list(officer(hub), new CaseQuery(null, null, null, null, null,
                null, "updatedAt", true, 0, 100, PARTY_ID)).items().stream().map(PenaltyCaseSummary::id).toList();
    }

    static JsonNode progress(OpsHttp ops) throws Exception {
        HttpResponse<String> response = ops.get("/api/v1/ops/key-rotation");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static long remaining(JsonNode status, String keys, String column) {
        for (JsonNode k : status.path("keys")) {
            if (k.path("keys").asText().equals(keys)) {
                for (JsonNode c : k.path("columns")) {
                    if ((c.path("table").asText() + "." + c.path("column").asText()).equals(column)) {
                        return c.path("remaining").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no " + keys + " " + column + " in " + status);
    }
}
