package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.seal.AnchoredTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.app.seal.SealDecisionHandler;
import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision document in the workflow (issue 7, ADR 0210): recorded with the decision as OFD, sealed by the
 * sandbox's seal service through the durable queue, verified by the hub, and only then servable; a seal that fails
 * verification and a tampered stored document are visible and never handed out; the sealed OFD travels in the case
 * file and is checked by the offline verifier.
 */
class DecisionSealingIT extends StaffApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProvinceSandbox sandbox;

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.SEAL);
    }

    private static String path(String id, String step) {
        return "/api/v1/cases/penalties/" + id + (step.isEmpty() ? "" : "/" + step);
    }

    /** A case of 海丰县市场监督管理局 decided with a fine; returns its id. */
    private String decided(String party, String number) {
        String id = lead("hf-officer-1", "441521", party);
        StaffHttp officer = as("hf-officer-1");
        StaffHttp head = as("hf-head");
        assertThat(head.post(path(id, "filing"), Map.of("filedOn", today().toString())).status()).isEqualTo(200);
        assertThat(officer.multipart(path(id, "evidence"), Map.of("description", "shop front", "collectedAt",
                today().atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant().toString(),
                "where", "海城镇二马路 12 号", "coOfficerIds", List.of("hf-officer-2")), "front.jpg",
                "photo".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(201);
        assertThat(officer.post(path(id, "notices"), Map.of("servedOn", today().toString(), "kind", "FINE",
                "fineFen", 200_000, "circumstance", "minor")).status()).isEqualTo(200);
        StaffHttp.Answer decision = head.post(path(id, "decision"), Map.of("decidedOn", today().toString(),
                "decisionNumber", number, "kind", "FINE", "fineFen", 200_000, "circumstance", "minor"));
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        return id;
    }

    private StaffHttp.Answer serve(String id) {
        return as("hf-officer-1").post(path(id, "service"), Map.of("servedOn", today().toString(), "method", "direct",
                "recipient", "legal representative"));
    }

    private JsonNode status(String id) {
        StaffHttp.Answer a = as("hf-officer-1").get(path(id, "decision-document/status"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private SealVerifier verifier() {
        return SealVerifier.using(new AnchoredTrustService(List.of(sandbox.seal().trustAnchor()), Set.of()));
    }

    @Test
    void aDecisionIsSealedOnce_verified_recorded_andThenServed() throws IOException {
        String id = decided("sealed 餐饮有限公司", "海市监罚〔2026〕101号");

        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));

        JsonNode document = status(id);
        assertThat(document.path("state").asText()).isEqualTo("SEALED");
        assertThat(document.path("sealId").asText()).isEqualTo("SEAL-HFSCJG-001");
        assertThat(document.path("report").path("signatures").get(0).path("checks").findValuesAsText("status"))
                .contains("PASSED").doesNotContain("FAILED");
        String documentId = document.path("documentId").asText();
        assertThat(sandbox.seal().signatureCount(documentId)).as("signed exactly once").isEqualTo(1);
        JsonNode record = as("hf-officer-1").get(path(id, "")).json().path("record");
        assertThat(record.findValuesAsText("type")).containsSubsequence("PenaltyDecided", "DecisionSealed");

        byte[] ofd = as("hf-officer-1").getBytes(path(id, "decision-document"));
        assertThat(Sm3.of(ofd).hex()).isEqualTo(document.path("sealedSm3").asText());
        assertThat(verifier().verify(ofd, "海丰县市场监督管理局").valid()).isTrue();
        assertThat(entryText(ofd, "Content.xml")).contains("行政处罚决定书", "海市监罚〔2026〕101号", "罚款人民币2,000.00元");

        assertThat(serve(id).status()).isEqualTo(200);

        byte[] casefile = as("city-supervisor").getBytes(path(id, "casefile"));
        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(casefile));
        assertThat(report.problems()).isEmpty();
        assertThat(entryNames(casefile)).anyMatch(n -> n.startsWith("documents/") && n.endsWith(".ofd"))
                .anyMatch(n -> n.startsWith("documents/") && n.endsWith(".verification.json"));
    }

    @Test
    void serviceBeforeTheSeal_isRefused_thenAllowedOnceSealed() {
        sandbox.simulateOutage(SandboxService.SEAL);
        String id = decided("early 餐饮有限公司", "海市监罚〔2026〕102号");

        StaffHttp.Answer refused = serve(id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(refused.json().path("detail").asText()).contains("sealed", "海市监罚〔2026〕102号");
        assertThat(status(id).path("state").asText()).isEqualTo("PENDING");
        assertThat(as("hf-officer-1").get(path(id, "decision-document")).json().path("conflict").asText())
                .isEqualTo("NOT_SEALED");
        sandbox.restore(SandboxService.SEAL);

        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));
        assertThat(serve(id).status()).isEqualTo(200);
    }

    @Test
    void aStatusRead_waitsForTheSeal_whenAskedTo_insteadOfBeingPolled() throws Exception {
        sandbox.simulateOutage(SandboxService.SEAL);
        String id = decided("waiting 餐饮有限公司", "海市监罚〔2026〕105号");
        StaffHttp officer = as("hf-officer-1");
        String waiting = path(id, "decision-document/status") + "?waitWhile=PENDING&waitSeconds=";

        long start = System.nanoTime();
        StaffHttp.Answer unchanged = officer.get(waiting + "1");
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.json().path("state").asText()).as("the time was up").isEqualTo("PENDING");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        CompletableFuture<StaffHttp.Answer> first = CompletableFuture.supplyAsync(() -> officer.get(waiting + "10"));
        Thread.sleep(500);
        assertThat(first).as("still waiting while the seal service is down").isNotDone();
        sandbox.restore(SandboxService.SEAL);

        // as a client does: ask again after an unchanged answer (the queue's back-off may outlast one wait)
        StaffHttp.Answer answer = first.get(30, TimeUnit.SECONDS);
        for (int asked = 1; "PENDING".equals(answer.json().path("state").asText()) && asked < 6; asked++) {
            answer = officer.get(waiting + "10");
        }
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("state").asText()).isEqualTo("SEALED");
        assertThat(officer.get(path(id, "decision-document/status") + "?waitWhile=PENDING&waitSeconds=10").json()
                .path("state").asText()).as("another state than the known one: answered at once").isEqualTo("SEALED");

        long refusedAt = System.nanoTime();
        assertThat(as("lf-officer-1").get(waiting + "10").status()).as("another subject's case").isEqualTo(403);
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).as("refused before any wait")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBadWait_isA400NamingTheParameter() {
        String id = decided("bad wait 餐饮有限公司", "海市监罚〔2026〕106号");
        StaffHttp officer = as("hf-officer-1");
        String status = path(id, "decision-document/status");

        assertInvalid(officer.get(status + "?waitWhile=PENDING&waitSeconds=21"), "waitSeconds");
        assertInvalid(officer.get(status + "?waitWhile=PENDING&waitSeconds=-1"), "waitSeconds");
        assertInvalid(officer.get(status + "?waitWhile=PENDING&waitSeconds=soon"), "waitSeconds");
        assertInvalid(officer.get(status + "?waitWhile=SIGNED&waitSeconds=5"), "waitWhile");
        assertInvalid(officer.get(status + "?waitSeconds=5"), "waitWhile");
    }

    private static void assertInvalid(StaffHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void aSealThatFailsVerification_isATaskForStaff_andTheDecisionIsNotServed() {
        sandbox.simulateOutage(SandboxService.SEAL);
        String id = decided("wrong seal 餐饮有限公司", "海市监罚〔2026〕103号");
        // The request goes out with the city bureau's seal: it signs, but not for the deciding unit (SEAL_ENTITY).
        assertThat(jdbc.sql("UPDATE decision_document SET seal_id = 'SEAL-SWSCJG-001' WHERE case_id = ?")
                .param(UUID.fromString(id)).update()).isEqualTo(1);
        // An attempt that read the document before that update may still be on its way to the seal service: the
        // outage stays until an attempt claimed after the update (a claim commits before its attempt reads the
        // document) has been made, so no attempt with the deciding unit's own seal reaches the restored service.
        String documentId = jdbc.sql("SELECT document_id FROM decision_document WHERE case_id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
        int claimed = sealAttempts(documentId);
        await().atMost(Duration.ofSeconds(60)).until(() -> sealAttempts(documentId) > claimed);
        sandbox.restore(SandboxService.SEAL);

        await().atMost(Duration.ofSeconds(60)).until(() -> "VERIFICATION_FAILED".equals(status(id).path("state")
                .asText()));

        JsonNode document = status(id);
        assertThat(document.path("problem").asText()).contains("SEAL_ENTITY");
        assertThat(document.path("report").path("signatures").get(0).path("checks").findValuesAsText("status"))
                .contains("FAILED");
        StaffHttp.Answer refused = serve(id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("failed verification", "SEAL_ENTITY");
        assertThat(as("hf-officer-1").get(path(id, "")).json().path("record").findValuesAsText("type"))
                .doesNotContain("DecisionSealed");
        assertThat(as("hf-officer-1").get(path(id, "decision-document")).status()).isEqualTo(409);
    }

    /** The attempts claimed so far to seal {@code documentId} (counted and committed before each is made). */
    private int sealAttempts(String documentId) {
        return jdbc.sql("SELECT attempts FROM outbox_message WHERE business_key = ? AND operation = ?")
                .params(documentId, SealDecisionHandler.OPERATION.id()).query(Integer.class).single();
    }

    @Test
    void aTamperedStoredDocument_isNeverHandedOut_andTheCaseFileVerifierNamesIt() throws IOException {
        String id = decided("tampered 餐饮有限公司", "海市监罚〔2026〕104号");
        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));
        byte[] sealed = jdbc.sql("SELECT sealed_ofd FROM decision_document WHERE case_id = ?")
                .param(UUID.fromString(id)).query(byte[].class).single();
        byte[] tampered = replaceEntry(sealed, "Content.xml", "罚款人民币2.00元");
        jdbc.sql("UPDATE decision_document SET sealed_ofd = ? WHERE case_id = ?").params(tampered,
                UUID.fromString(id)).update();

        StaffHttp.Answer download = as("hf-officer-1").get(path(id, "decision-document"));
        assertThat(download.status()).isEqualTo(500);
        assertThat(download.json().path("detail").asText()).contains("integrity");

        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(
                as("city-supervisor").getBytes(path(id, "casefile"))));
        assertThat(report.problems()).anyMatch(p -> p.contains("海市监罚〔2026〕104号") && p.contains("SM3"))
                .anyMatch(p -> p.contains("DOCUMENT_DIGEST"));
    }

    /** The OFD with the first entry whose name ends with {@code suffix} given {@code extra} text before its end tag. */
    private static byte[] replaceEntry(byte[] zip, String suffix, String extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean done = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (!done && e.getName().endsWith(suffix)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    bytes = (text + "<!-- " + extra + " -->").getBytes(StandardCharsets.UTF_8);
                    done = true;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        assertThat(done).isTrue();
        return out.toByteArray();
    }

    private static String entryText(byte[] zip, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(suffix)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    private static List<String> entryNames(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
