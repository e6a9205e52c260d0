package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.seal.AnchoredTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.app.seal.SealDocumentCheck;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.cases.casefile.VerifyCaseFile;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence, sealed documents and the case file of coercive measures and inspections over HTTP (issue 7, ADR 0515):
 * the 扣押决定书 and the 解除决定书 are sealed by the sandbox's seal service through the durable queue and verified
 * before they may be served; the 现场检查笔录 is sealed for the archive and holds up nothing; the case file carries
 * them with the evidence and the chained record, and the offline verifier names a changed evidence byte, a removed
 * entry and a broken seal.
 */
class ProcedureRecordsIT extends StaffApiTestBase {

    static final String MEASURES = "/api/v1/cases/coercive-measures/";
    static final String INSPECTIONS = "/api/v1/cases/inspections/";
    static final String UNIT = "海丰县市场监督管理局";

    @Autowired
    ProvinceSandbox sandbox;

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.SEAL);
    }

    /** A seizure of an absent party's goods (decision to be served later), taken by hf-officer-1 and hf-officer-2. */
    private String seizureOfAnAbsentParty(String party) {
        Map<String, Object> body = new HashMap<>(measureBody("441521", party, "hf-officer-2", "hf-head"));
        body.put("deliveredOnTheSpot", false);
        body.put("decisionNumber", "海市监扣〔2026〕" + Math.abs(party.hashCode() % 10_000) + "号");
        body.put("onSite", Map.of("presence", "ABSENT", "witness", "村委会 李四", "recordSm3", "d".repeat(64)));
        return created("hf-officer-1", "/api/v1/cases/coercive-measures", body);
    }

    private JsonNode document(String path, String kind) {
        StaffHttp.Answer a = as("hf-officer-1").get(path + "/documents");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        for (JsonNode d : a.json()) {
            if (d.path("kind").asText().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " among " + a.body());
    }

    private JsonNode awaitSealed(String path, String kind) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = document(path, kind).path("state").asText();
            if (!state.equals("PENDING") && !state.equals("SEALED")) {
                throw new AssertionError(kind + " of " + path + " is " + state + ": " + document(path, kind));
            }
            return state.equals("SEALED");
        });
        return document(path, kind);
    }

    private SealVerifier verifier() {
        return SealVerifier.using(new AnchoredTrustService(List.of(sandbox.seal().trustAnchor()), Set.of()));
    }

    private StaffHttp.Answer evidence(String path, String officer, String coOfficer, byte[] file) {
        return as(officer).multipart(path + "/evidence", Map.of("description", "封存现场照片", "collectedAt",
                Instant.now().minusSeconds(60).toString(), "where", "海城镇二马路仓库", "coOfficerIds", coOfficer),
                "photo.jpg", file, null);
    }

    @Test
    void theDecisionIsSealedBeforeItIsServed_theReleaseDecisionLikewise_andBothTravelInAVerifiableCaseFile()
            throws IOException {
        sandbox.simulateOutage(SandboxService.SEAL);
        String id = seizureOfAnAbsentParty("sealed measure " + UUID.randomUUID());
        String path = MEASURES + id;
        Map<String, Object> service = Map.of("servedOn", today().toString(), "method", "留置送达", "recipient", "李四");

        assertThat(document(path, "MEASURE_DECISION").path("state").asText()).isEqualTo("PENDING");
        StaffHttp.Answer early = as("hf-officer-1").post(path + "/service", service);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(early.json().path("detail").asText()).contains("查封、扣押、冻结决定书", "sealed");
        String pending = document(path, "MEASURE_DECISION").path("documentId").asText();
        assertThat(as("hf-officer-1").get(path + "/documents/" + pending).json().path("conflict").asText())
                .isEqualTo("NOT_SEALED");
        sandbox.restore(SandboxService.SEAL);

        JsonNode decision = awaitSealed(path, "MEASURE_DECISION");
        assertThat(decision.path("sealId").asText()).isEqualTo("SEAL-HFSCJG-001");
        assertThat(sandbox.seal().signatureCount(decision.path("documentId").asText())).isEqualTo(1);
        byte[] ofd = as("hf-officer-1").getBytes(path + "/documents/" + decision.path("documentId").asText());
        assertThat(Sm3.of(ofd).hex()).isEqualTo(decision.path("sealedSm3").asText());
        assertThat(verifier().verify(ofd, UNIT).valid()).isTrue();
        assertThat(entryText(ofd, "Content.xml")).contains("扣押决定书", decision.path("number").asText(), "散装白酒",
                "扣押清单");
        assertThat(as("hf-officer-1").post(path + "/service", service).status()).isEqualTo(200);

        byte[] photo = "photo of the sealed barrels".getBytes(StandardCharsets.UTF_8);
        StaffHttp.Answer withEvidence = evidence(path, "hf-officer-1", "hf-officer-2", photo);
        assertThat(withEvidence.status()).as(withEvidence.body()).isEqualTo(201);
        assertThat(withEvidence.json().path("evidence").get(0).path("sm3").asText()).isEqualTo(Sm3.of(photo).hex());
        assertThat(as("hf-supervisor").getBytes(path + "/evidence/E1/file")).isEqualTo(photo);

        assertThat(as("hf-head").post(path + "/extension", Map.of("days", 10, "reason", "案情复杂，需调取外地供货记录",
                "notifiedOn", today().toString())).status()).isEqualTo(200);
        JsonNode extension = awaitSealed(path, "EXTENSION_DECISION");
        assertThat(extension.path("number").asText()).isEqualTo(decision.path("number").asText() + "-延期");
        byte[] extensionOfd = as("hf-officer-1").getBytes(path + "/documents/" + extension.path("documentId")
                .asText());
        assertThat(verifier().verify(extensionOfd, UNIT).valid()).isTrue();
        assertThat(entryText(extensionOfd, "Content.xml")).contains("延长扣押期限决定书", "案情复杂", "延长10日");

        assertThat(as("hf-head").post(path + "/release", Map.of("releasedOn", today().toString(), "ground",
                "NO_VIOLATION", "explanation", "检验合格")).status()).isEqualTo(200);
        JsonNode release = awaitSealed(path, "RELEASE_DECISION");
        assertThat(release.path("number").asText()).isEqualTo(decision.path("number").asText() + "-解除");
        assertThat(entryText(as("hf-officer-1").getBytes(path + "/documents/" + release.path("documentId").asText()),
                "Content.xml")).contains("解除扣押决定书", "当事人没有违法行为");
        assertThat(as("hf-officer-1").post(path + "/release-service", service).status()).isEqualTo(200);
        assertThat(as("hf-officer-1").get(path).json().path("record").findValuesAsText("type"))
                .containsSubsequence("MeasureImposed", "DocumentSealed", "MeasureDecisionServed", "EvidenceRecorded",
                        "MeasureExtended", "DocumentSealed", "MeasureReleased", "DocumentSealed",
                        "ReleaseDecisionServed");

        byte[] casefile = as("city-supervisor").getBytes(path + "/casefile");
        SealDocumentCheck seals = new SealDocumentCheck(List.of(sandbox.seal().trustAnchor()));
        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(casefile), List.of(seals));
        assertThat(report.problems()).isEmpty();
        assertThat(entryNames(casefile)).filteredOn(n -> n.startsWith("documents/") && n.endsWith(".ofd")).hasSize(3);
        assertThat(verifyOffline(casefile)).startsWith("OK");

        String evidenceFile = entryNames(casefile).stream().filter(n -> n.startsWith("evidence/")).findFirst()
                .orElseThrow();
        assertThat(problems(rewrite(casefile, evidenceFile, ProcedureRecordsIT::flipFirstByte), seals))
                .anyMatch(p -> p.startsWith("evidence E1") && p.contains("SM3"));
        assertThat(problems(rewrite(casefile, "record/entries.jsonl", ProcedureRecordsIT::dropSecondLine), seals))
                .anyMatch(p -> p.startsWith("record:"));
        String firstDocument = entryNames(casefile).stream().filter(n -> n.startsWith("documents/1-")
                && n.endsWith(".ofd")).findFirst().orElseThrow();
        assertThat(problems(rewrite(casefile, firstDocument, sealed -> replaceEntry(sealed, "Content.xml",
                "扣押数量改为 1 kg")), seals))
                .anyMatch(p -> p.contains("SM3 digest differs"))
                .anyMatch(p -> p.contains("DOCUMENT_DIGEST"));
    }

    @Test
    void theInspectionRecordIsSealedForTheArchive_andHoldsUpNothing() throws IOException {
        sandbox.simulateOutage(SandboxService.SEAL);
        String id = created("hf-officer-1", "/api/v1/cases/inspections", inspectionBody("441521",
                "record shop " + UUID.randomUUID(), "hf-officer-1", "hf-officer-2"));
        String path = INSPECTIONS + id;
        assertThat(evidence(path, "hf-officer-1", "hf-officer-2", new byte[] {1}).status())
                .as("no evidence before the visit").isEqualTo(409);
        assertThat(as("hf-head").post(path + "/approval", Map.of("opinion", "同意")).status()).isEqualTo(200);
        StaffHttp.Answer onSite = as("hf-officer-1").post(path + "/on-site", Map.of("inspectedAt",
                Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"), "findings",
                "仓库温度超标", "onSite", Map.of("presence", "SIGNED", "recordSm3", "e".repeat(64))));
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(200);
        assertThat(document(path, "INSPECTION_RECORD").path("state").asText()).isEqualTo("PENDING");
        assertThat(evidence(path, "hf-officer-1", "hf-officer-2", "温度计读数".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(201);
        assertThat(as("hf-officer-1").post(path + "/result", Map.of("result", "NO_PROBLEM", "on", today().toString(),
                "summary", "无问题")).json().path("summary").path("stage").asText())
                .as("closed while its record still waits for the seal").isEqualTo("CLOSED");
        sandbox.restore(SandboxService.SEAL);

        JsonNode record = awaitSealed(path, "INSPECTION_RECORD");
        byte[] ofd = as("hf-officer-1").getBytes(path + "/documents/" + record.path("documentId").asText());
        assertThat(verifier().verify(ofd, UNIT).valid()).isTrue();
        assertThat(entryText(ofd, "Content.xml")).contains("现场检查笔录", "仓库温度超标", "4415-hf-officer-2");
        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(
                as("hf-supervisor").getBytes(path + "/casefile")), List.of(new SealDocumentCheck(
                List.of(sandbox.seal().trustAnchor()))));
        assertThat(report.problems()).isEmpty();

        StaffHttp.Answer foreign = as("lf-head").get(path + "/documents");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(as("lf-head").get(path + "/casefile").status()).isEqualTo(403);
        assertThat(as("hf-officer-1").get(MEASURES + id + "/documents").status())
                .as("an inspection's id opens no measure").isEqualTo(403);
        assertThat(as("hf-officer-1").get(path + "/documents/MD-" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badEvidenceUploads_areProblemsWithFieldErrors_andWriteNothing() {
        String path = MEASURES + created("hf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441521",
                "bad evidence " + UUID.randomUUID(), "hf-officer-2", "hf-head"));

        StaffHttp.Answer empty = evidence(path, "hf-officer-1", "hf-officer-2", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"file\"");
        assertThat(evidence(path, "hf-officer-1", "hf-officer-2", new byte[65 * 1024]).status()).isEqualTo(413);
        StaffHttp.Answer alone = evidence(path, "hf-officer-1", "hf-officer-1", new byte[] {1});
        assertThat(alone.status()).isEqualTo(409);
        assertThat(alone.json().path("detail").asText()).contains("art. 18(2)");
        StaffHttp.Answer unknownOfficer = evidence(path, "hf-officer-1", "nobody", new byte[] {1});
        assertThat(unknownOfficer.status()).isEqualTo(400);
        assertThat(unknownOfficer.body()).contains("coOfficerIds");
        StaffHttp.Answer noDescription = as("hf-officer-1").multipart(path + "/evidence", Map.of("collectedAt",
                Instant.now().toString(), "where", "x", "coOfficerIds", "hf-officer-2"), "a.jpg", new byte[] {1}, null);
        assertThat(noDescription.status()).isEqualTo(400);
        assertThat(noDescription.body()).contains("description");
        assertThat(evidence(path, "hf-head", "hf-officer-2", new byte[] {1}).status()).isEqualTo(403);

        JsonNode measure = as("hf-officer-1").get(path).json();
        assertThat(measure.path("evidence")).isEmpty();
        assertThat(measure.path("record").findValuesAsText("type")).doesNotContain("EvidenceRecorded");
        assertThat(as("hf-officer-1").get(path + "/evidence/E1/file").status()).isEqualTo(404);
    }

    private String verifyOffline(byte[] casefile) throws IOException {
        Path file = dir.resolve("casefile.zip");
        Files.write(file, casefile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCaseFile.run(new String[] {file.toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        return printed;
    }

    private static List<String> problems(byte[] zip, CaseFileVerifier.DocumentCheck check) throws IOException {
        return CaseFileVerifier.verify(new ByteArrayInputStream(zip), List.of(check)).problems();
    }

    private static byte[] flipFirstByte(byte[] b) {
        byte[] c = b.clone();
        c[0] ^= 1;
        return c;
    }

    private static byte[] dropSecondLine(byte[] b) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n")));
        lines.remove(1);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The package with entry {@code name} changed and its manifest line given the new size and SM3 (a careful
     * forger), so only the record's own digests and the seals can tell.
     */
    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> entries = entries(zip);
        byte[] original = entries.get(name);
        byte[] changed = change.apply(original);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = e.getKey().equals(name) ? changed : e.getValue();
                if (e.getKey().equals("manifest.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(Sm3.of(original).hex(),
                                    Sm3.of(changed).hex())
                            .replace("\"size\" : " + original.length + ",", "\"size\" : " + changed.length + ",")
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The OFD with the first entry ending in {@code suffix} given {@code extra} text before its end. */
    private static byte[] replaceEntry(byte[] ofd, String suffix, String extra) {
        try {
            Map<String, byte[]> entries = entries(ofd);
            String name = entries.keySet().stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
            entries.put(name, (new String(entries.get(name), StandardCharsets.UTF_8) + "<!-- " + extra + " -->")
                    .getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String entryText(byte[] zip, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        entries(zip).forEach((name, bytes) -> {
            if (name.endsWith(suffix)) {
                text.append(new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return text.toString();
    }

    private static List<String> entryNames(byte[] zip) throws IOException {
        return List.copyOf(entries(zip).keySet());
    }
}
