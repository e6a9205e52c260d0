package cn.gov.shanwei.enforcement.cases.procedure;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFilePackages;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.cases.procedure.application.SealedProcedureDocuments;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentSealing;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documents of coercive measures and inspections in the workflow (ADR 0515), against a recording seal port: each
 * step issues its document in its transaction; serving a decision or a release decision waits for its seal; the
 * inspection record waits for nothing; sealed documents go into the case file bound to their DocumentSealed entries,
 * and the offline verifier names a changed evidence byte, a removed entry and a document that is not the one sealed.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:procdocs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(ProcedureDocumentsH2Test.Sealing.class)
class ProcedureDocumentsH2Test {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final Instant TAKEN = Instant.parse("2025-06-10T01:00:00Z");

    /** A seal port that keeps what was issued; the test plays the seal service. */
    static class RecordingSealing implements ProcedureDocumentSealing {
        final List<ProcedureDocumentToSeal> issued = new CopyOnWriteArrayList<>();
        final Map<UUID, List<SealedDocument>> sealed = new ConcurrentHashMap<>();

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public void issued(ProcedureDocumentToSeal document) {
            issued.add(document);
        }

        @Override
        public String notSealedBecause(UUID caseId, DocumentKind kind) {
            return "test: " + kind + " pending";
        }

        @Override
        public List<SealedDocument> sealedDocuments(UUID caseId) {
            return sealed.getOrDefault(caseId, List.of());
        }
    }

    @TestConfiguration
    static class Sealing {
        @Bean
        RecordingSealing recordingSealing() {
            return new RecordingSealing();
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    CoerciveMeasureService measures;
    @Autowired
    InspectionService inspections;
    @Autowired
    SealedProcedureDocuments sealedDocuments;
    @Autowired
    RecordingSealing port;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
    }

    private UUID seizure(String party, boolean onTheSpot) {
        return measures.impose(officer, new NewMeasure(CaseFixtures.COERCION_MATTER, CoercionKind.SEIZURE,
                new Party(Party.Kind.ORGANISATION, party, CaseFixtures.ORG_ID), ShanweiRegions.HAIFENG.value(), TAKEN,
                List.of("hf-officer-2"), List.of(new ListedItem("散装白酒", new BigDecimal("12.5"), "kg", "无标签")),
                "来源不明", "可于60日内申请行政复议", "", "海市监扣〔2025〕" + party.length() + "号", onTheSpot,
                onTheSpot ? OnSiteRecord.signedByParty(Sm3.ofUtf8("record"))
                        : OnSiteRecord.partyAbsent("村委会 李四", Sm3.ofUtf8("record")),
                new NewMeasure.Approval("hf-head", TAKEN.minusSeconds(1800), "同意"))).summary().id();
    }

    private ProcedureDocumentToSeal issued(UUID caseId, DocumentKind kind) {
        return port.issued.stream().filter(d -> d.caseId().equals(caseId) && d.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " issued for " + caseId));
    }

    /** Plays the seal service: the "sealed" bytes are recorded on the procedure and kept for its case file. */
    private byte[] seal(ProcedureDocumentToSeal d) {
        byte[] sealed = ("SEALED " + d.documentNumber() + " " + d.text()).getBytes(StandardCharsets.UTF_8);
        assertThat(sealedDocuments.record(d.caseId(), d.subjectId(), d.kind(), d.documentNumber(), Sm3.of(sealed),
                "SEAL-HFSCJG-001", "VALID")).isEmpty();
        port.sealed.computeIfAbsent(d.caseId(), k -> new CopyOnWriteArrayList<>())
                .add(new SealedDocument(d.documentNumber(), sealed, "{\"valid\":true}"));
        return sealed;
    }

    @Test
    void theDecisionIsIssuedWithTheMeasure_andServedOnlyOnceSealed_thenTheReleaseDecisionLikewise() {
        UUID id = seizure("absent party", false);
        ProcedureDocumentToSeal decision = issued(id, DocumentKind.MEASURE_DECISION);
        assertThat(decision.text().title()).isEqualTo("扣押决定书");
        assertThat(decision.issuingUnit()).isEqualTo("海丰县市场监督管理局");
        assertThat(decision.text().paragraphs()).contains("1. 散装白酒 12.5kg（无标签）")
                .anyMatch(p -> p.contains("至2025年7月10日止"));

        MeasureCommand.ServeDecision serve = new MeasureCommand.ServeDecision(TODAY, "留置送达", "村委会 李四");
        assertThatThrownBy(() -> measures.execute(officer, id, null, serve))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("test: MEASURE_DECISION pending");
        seal(decision);
        assertThat(measures.execute(officer, id, null, serve).particulars().deliveredOn()).isEqualTo(TODAY);
        assertThat(sealedDocuments.record(id, CaseFixtures.HF, DocumentKind.MEASURE_DECISION,
                decision.documentNumber(), Sm3.of(("SEALED " + decision.documentNumber() + " " + decision.text())
                        .getBytes(StandardCharsets.UTF_8)), "SEAL-HFSCJG-001", "VALID"))
                .as("a second record of the same document changes nothing").isEmpty();
        assertThat(measures.get(head, id).record()).filteredOn(l -> l.type().equals("DocumentSealed")).hasSize(1);

        measures.execute(head, id, null, new MeasureCommand.Release(TODAY, ReleaseGround.NO_VIOLATION, "检验合格"));
        ProcedureDocumentToSeal release = issued(id, DocumentKind.RELEASE_DECISION);
        assertThat(release.text().title()).isEqualTo("解除扣押决定书");
        assertThat(release.documentNumber()).isEqualTo(decision.documentNumber() + "-解除");
        assertThat(release.text().paragraphs()).anyMatch(p -> p.contains("当事人没有违法行为"));
        MeasureCommand.ServeReleaseDecision serveRelease = new MeasureCommand.ServeReleaseDecision(TODAY, "直接送达",
                "法定代表人");
        assertThatThrownBy(() -> measures.execute(officer, id, null, serveRelease))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("解除决定书");
        seal(release);
        measures.execute(officer, id, null, serveRelease);
        assertThat(measures.get(head, id).record()).extracting(l -> l.type()).containsSubsequence("MeasureImposed",
                "DocumentSealed", "MeasureDecisionServed", "MeasureReleased", "DocumentSealed",
                "ReleaseDecisionServed");
    }

    @Test
    void anExtensionIssuesItsDecision_toldToThePartyWithTheStep_andSealedForTheFileWithoutHoldingUpAnyStep() {
        UUID id = seizure("extended party", true);
        ProcedureDocumentToSeal decision = issued(id, DocumentKind.MEASURE_DECISION);
        assertThat(sealedDocuments.record(id, CaseFixtures.HF, DocumentKind.EXTENSION_DECISION, "x",
                Sm3.ofUtf8("x"), "S", "VALID")).get().asString().contains("has not been extended");

        measures.execute(head, id, null, new MeasureCommand.Extend(10, "案情复杂，需调取外地供货记录", TODAY));
        ProcedureDocumentToSeal extension = issued(id, DocumentKind.EXTENSION_DECISION);
        assertThat(extension.text().title()).isEqualTo("延长扣押期限决定书");
        assertThat(extension.documentNumber()).isEqualTo(decision.documentNumber() + "-延期");
        assertThat(extension.text().paragraphs()).contains("延长理由：案情复杂，需调取外地供货记录")
                .contains("1. 散装白酒 12.5kg（无标签）")
                // 10 July + 10 days is Sunday 20 July: a term ending on a rest day runs to the next working day.
                .anyMatch(p -> p.contains("延长10日，至2025年7月21日止") && p.contains("第二十五条"));

        // Nothing waits for it: the release and its service only wait for their own documents.
        measures.execute(head, id, null, new MeasureCommand.Release(TODAY, ReleaseGround.NO_VIOLATION, "检验合格"));
        seal(extension);
        assertThat(measures.get(head, id).record()).extracting(l -> l.type()).containsSubsequence("MeasureImposed",
                "MeasureExtended", "MeasureReleased", "DocumentSealed");
    }

    @Test
    void aSealRecordedWhileAnOfficerActs_takesItsTurn_neitherIsRefused() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = seizure("race party " + round, true);
            ProcedureDocumentToSeal decision = issued(id, DocumentKind.MEASURE_DECISION);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var officerStep = pool.submit(() -> {
                    start.await();
                    return measures.execute(head, id, null, new MeasureCommand.Extend(10, "案情复杂", TODAY));
                });
                var sealing = pool.submit(() -> {
                    start.await();
                    return seal(decision);
                });
                officerStep.get(30, java.util.concurrent.TimeUnit.SECONDS);
                sealing.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(measures.get(head, id).record()).extracting(l -> l.type())
                    .containsExactlyInAnyOrder("MeasureImposed", "MeasureExtended", "DocumentSealed");
        }
    }

    @Test
    void aSealForAnotherSubjectOrADocumentThatDoesNotExistYet_isRefused() {
        UUID id = seizure("refused seal party", true);
        assertThat(sealedDocuments.record(id, CaseFixtures.LF, DocumentKind.MEASURE_DECISION, "x",
                Sm3.ofUtf8("x"), "S", "VALID")).get().asString().contains("no procedure");
        assertThat(sealedDocuments.record(id, CaseFixtures.HF, DocumentKind.RELEASE_DECISION, "x",
                Sm3.ofUtf8("x"), "S", "VALID")).get().asString().contains("has not been released");
    }

    @Test
    void theInspectionRecordIsIssuedWhenCarriedOut_andHoldsUpNoStep() {
        UUID id = inspections.plan(officer, new NewInspection(CaseFixtures.INSPECTION_ITEM, InspectionOrigin.COMPLAINT,
                "群众投诉", new Party(Party.Kind.ORGANISATION, "record shop", CaseFixtures.ORG_ID),
                CaseFixtures.HAICHENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2"))).summary().id();
        inspections.execute(head, id, null, new InspectionCommand.Approve("同意"));
        inspections.execute(officer, id, null, new InspectionCommand.CarryOut(CaseTestApplication.NOW,
                List.of("hf-officer-2"), "仓库温度超标", OnSiteRecord.partyRefused("拒绝签字", "", Sm3.ofUtf8("笔录"))));

        ProcedureDocumentToSeal record = issued(id, DocumentKind.INSPECTION_RECORD);
        assertThat(record.text().title()).isEqualTo("现场检查笔录");
        assertThat(record.documentNumber()).startsWith(CaseFixtures.HF + "检");
        assertThat(record.text().paragraphs()).contains("检查地点：海城镇", "检查情况：仓库温度超标")
                .anyMatch(p -> p.startsWith("检查人员：officer hf-officer-1（执法证号 "))
                .anyMatch(p -> p.contains("当事人拒绝签名，拒绝签字"));
        assertThat(inspections.execute(officer, id, null, new InspectionCommand.NoProblem(TODAY, "已整改"))
                .summary().stage()).as("not held up by the seal").isEqualTo("CLOSED");
    }

    @Test
    void theCaseFileCarriesTheSealedDocuments_andTheVerifierNamesEachTampering() throws IOException {
        UUID id = seizure("casefile party", true);
        byte[] decision = seal(issued(id, DocumentKind.MEASURE_DECISION));
        measures.recordEvidence(officer, id, null, new NewEvidence("照片", TAKEN, "仓库", List.of("hf-officer-2"),
                "a.jpg", "image/jpeg", "photo".getBytes(StandardCharsets.UTF_8)));
        byte[] zip = measures.exportCaseFile(head, id);
        CaseFileVerifier.DocumentCheck sealCheck = (name, ofd) -> new String(ofd, StandardCharsets.UTF_8)
                .startsWith("SEALED ") ? List.of() : List.of("its seal does not verify");

        assertThat(verify(zip, sealCheck)).isEmpty();
        assertThat(entry(zip, "documents/1-海市监扣_2025_14号.ofd")).isEqualTo(decision);

        assertThat(verify(rewrite(zip, "evidence/E1-a.jpg", b -> flipFirstByte(b), true), sealCheck))
                .anyMatch(p -> p.contains("evidence E1") && p.contains("SM3"));
        assertThat(verify(rewrite(zip, "record/entries.jsonl", ProcedureDocumentsH2Test::dropSecondLine, true),
                sealCheck)).anyMatch(p -> p.contains("record:"));
        assertThat(verify(rewrite(zip, "documents/1-海市监扣_2025_14号.ofd", b -> ("FORGED" + new String(b,
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), true), sealCheck))
                .anyMatch(p -> p.contains("海市监扣〔2025〕14号") && p.contains("SM3 digest differs"))
                .anyMatch(p -> p.contains("its seal does not verify"));
        assertThat(verify(CaseFilePackages.withoutFiles(zip, "documents/1-海市监扣_2025_14号.ofd",
                "documents/1-海市监扣_2025_14号.verification.json", "evidence/E1-a.jpg"), sealCheck))
                .as("taken out together with their manifest lines, the record still names them")
                .anyMatch(p -> p.startsWith("document 海市监扣〔2025〕14号: sealed in entry ")
                        && p.endsWith("with SM3 " + Sm3.of(decision).hex() + ", but the sealed document is not in "
                        + "the package"))
                .anyMatch(p -> p.startsWith("evidence E1: recorded in entry ") && p.contains(Sm3.ofUtf8("photo").hex()))
                .hasSize(2);
    }

    private static List<String> verify(byte[] zip, CaseFileVerifier.DocumentCheck check) throws IOException {
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

    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    /**
     * The package with entry {@code name} changed; with {@code fixManifest} its manifest line gets the new size and
     * SM3 too (a careful forger), so only the record's own digests can tell.
     */
    static byte[] rewrite(byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change,
                          boolean fixManifest) throws IOException {
        byte[] original = entry(zip, name);
        byte[] changed = change.apply(original);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8);
             ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    bytes = changed;
                } else if (fixManifest && e.getName().equals("manifest.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(Sm3.of(original).hex(), Sm3.of(changed).hex())
                            .replace("\"size\" : " + original.length + ",", "\"size\" : " + changed.length + ",")
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
