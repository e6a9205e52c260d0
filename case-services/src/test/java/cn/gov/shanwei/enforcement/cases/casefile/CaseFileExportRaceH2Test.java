package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.cases.procedure.application.SealedProcedureDocuments;
import cn.gov.shanwei.enforcement.cases.seal.DecisionSealing;
import cn.gov.shanwei.enforcement.cases.seal.DecisionToSeal;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentSealing;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDecisions;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.SealBetweenReads;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document sealed while its case file (卷宗) is exported: the seal (the sealed document and its entry, one
 * transaction) commits exactly between the export's read of the record and its read of the sealed documents
 * ({@link SealBetweenReads}, a database trigger and the seal port, no hook in the export). The package still
 * verifies, without the late document, and the next export holds it.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:casefilerace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(CaseFileExportRaceH2Test.SealPorts.class)
class CaseFileExportRaceH2Test {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final Instant TAKEN = Instant.parse("2025-06-10T01:00:00Z");
    /** The seal service's stand-in: a document verifies when it is one the test sealed. */
    static final CaseFileVerifier.DocumentCheck SEAL_CHECK = (name, ofd) -> new String(ofd, StandardCharsets.UTF_8)
            .startsWith("SEALED ") ? List.of() : List.of("its seal does not verify");

    /** The seal ports' stored sealed documents, as the app's ledger keeps them; reading them is the documents read. */
    static class SealedStore {
        final Map<UUID, List<SealedDocument>> sealed = new ConcurrentHashMap<>();
        final List<ProcedureDocumentToSeal> issued = new CopyOnWriteArrayList<>();

        List<SealedDocument> read(UUID caseId) {
            SealBetweenReads.documentsRead();
            return List.copyOf(sealed.getOrDefault(caseId, List.of()));
        }

        void add(UUID caseId, SealedDocument document) {
            sealed.computeIfAbsent(caseId, k -> new CopyOnWriteArrayList<>()).add(document);
        }
    }

    @TestConfiguration
    static class SealPorts {
        @Bean
        SealedStore sealedStore() {
            return new SealedStore();
        }

        @Bean
        DecisionSealing decisionSealing(SealedStore store) {
            return new DecisionSealing() {
                @Override
                public boolean required() {
                    return false;
                }

                @Override
                public void decided(DecisionToSeal decision) {
                }

                @Override
                public List<SealedDocument> sealedDocuments(UUID caseId) {
                    return store.read(caseId);
                }
            };
        }

        @Bean
        ProcedureDocumentSealing procedureDocumentSealing(SealedStore store) {
            return new ProcedureDocumentSealing() {
                @Override
                public boolean required() {
                    return true;
                }

                @Override
                public void issued(ProcedureDocumentToSeal document) {
                    store.issued.add(document);
                }

                @Override
                public String notSealedBecause(UUID caseId, DocumentKind kind) {
                    return "test: " + kind + " pending";
                }

                @Override
                public List<SealedDocument> sealedDocuments(UUID caseId) {
                    return store.read(caseId);
                }
            };
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    PenaltyCaseStore penaltyStore;
    @Autowired
    PenaltyContext ctx;
    @Autowired
    CoerciveMeasureService measures;
    @Autowired
    SealedProcedureDocuments sealedProcedureDocuments;
    @Autowired
    SealedStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
        SealBetweenReads.installOn(jdbc, "penalty_case", "procedure_case");
    }

    @Test
    @DisplayName("A decision sealed while the penalty case file is exported waits for the next export")
    void penaltyExport_whenADecisionIsSealedBetweenItsReads_verifiesWithoutIt_andTheNextExportHoldsIt()
            throws IOException {
        String number = "海市监罚〔2025〕77号";
        UUID id = cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "race party"))
                .summary().id();
        cases.execute(head, id, null, new PenaltyCommand.File(TODAY));
        cases.recordEvidence(officer, id, null, new NewEvidence("shop front", TAKEN, "海城镇二马路 12 号",
                List.of("hf-officer-2"), "front.jpg", "image/jpeg", "photo".getBytes(StandardCharsets.UTF_8)));
        cases.execute(officer, id, null, new PenaltyCommand.NotifyIntendedPenalty(TODAY, PenaltyKind.FINE, 300_000,
                "minor"));
        cases.execute(head, id, null, new PenaltyCommand.Decide(TODAY, number, PenaltyKind.FINE, 300_000, "minor"));
        byte[] document = ("SEALED " + number).getBytes(StandardCharsets.UTF_8);
        Runnable seal = () -> tx.executeWithoutResult(s -> {
            assertThat(new SealedDecisions(penaltyStore, ctx).record(id, CaseFixtures.HF, number, Sm3.of(document),
                    "SEAL-HFSCJG-001", "VALID")).isEmpty();
            store.add(id, new SealedDocument(number, document, "{\"valid\":true}"));
        });

        byte[] during = SealBetweenReads.during(seal, () -> cases.exportCaseFile(head, id));
        byte[] after = cases.exportCaseFile(head, id);

        lateDocumentWaitsForTheNextExport(during, after, "DecisionSealed", document);
    }

    @Test
    @DisplayName("A measure decision sealed while the measure's case file is exported waits for the next export")
    void procedureExport_whenADocumentIsSealedBetweenItsReads_verifiesWithoutIt_andTheNextExportHoldsIt()
            throws IOException {
        UUID id = measures.impose(officer, new NewMeasure(CaseFixtures.COERCION_MATTER, CoercionKind.SEIZURE,
                new Party(Party.Kind.ORGANISATION, "race party", CaseFixtures.ORG_ID), ShanweiRegions.HAIFENG.value(),
                TAKEN, List.of("hf-officer-2"), List.of(new ListedItem("散装白酒", new BigDecimal("12.5"), "kg", "无标签")),
                "来源不明", "可于60日内申请行政复议", "", "海市监扣〔2025〕77号", true,
                OnSiteRecord.signedByParty(Sm3.ofUtf8("record")),
                new NewMeasure.Approval("hf-head", TAKEN.minusSeconds(1800), "同意"))).summary().id();
        ProcedureDocumentToSeal decision = store.issued.stream()
                .filter(d -> d.caseId().equals(id) && d.kind() == DocumentKind.MEASURE_DECISION).findFirst()
                .orElseThrow();
        byte[] document = ("SEALED " + decision.documentNumber() + " " + decision.text())
                .getBytes(StandardCharsets.UTF_8);
        // As the app records a seal: the DocumentSealed entry and the stored sealed document commit together.
        Runnable seal = () -> tx.executeWithoutResult(s -> {
            assertThat(sealedProcedureDocuments.record(id, CaseFixtures.HF, DocumentKind.MEASURE_DECISION,
                    decision.documentNumber(), Sm3.of(document), "SEAL-HFSCJG-001", "VALID")).isEmpty();
            store.add(id, new SealedDocument(decision.documentNumber(), document, "{\"valid\":true}"));
        });

        byte[] during = SealBetweenReads.during(seal, () -> measures.exportCaseFile(head, id));
        byte[] after = measures.exportCaseFile(head, id);

        lateDocumentWaitsForTheNextExport(during, after, "DocumentSealed", document);
    }

    /**
     * The package exported during the seal verifies (no entry without its document, no document the record does not
     * hold) and holds neither the late entry nor its document; the one exported after holds both.
     */
    private static void lateDocumentWaitsForTheNextExport(byte[] during, byte[] after, String sealedEntry,
                                                          byte[] document) throws IOException {
        assertThat(problems(during)).isEmpty();
        assertThat(documents(during)).isEmpty();
        assertThat(record(during)).doesNotContain(sealedEntry);
        assertThat(problems(after)).isEmpty();
        assertThat(record(after)).contains(sealedEntry);
        assertThat(documents(after)).singleElement().isEqualTo(new String(document, StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] zip) throws IOException {
        return CaseFileVerifier.verify(new ByteArrayInputStream(zip), List.of(SEAL_CHECK)).problems();
    }

    /** The sealed documents (OFD) in the package, as text. */
    private static List<String> documents(byte[] zip) throws IOException {
        return files(zip).entrySet().stream()
                .filter(e -> e.getKey().startsWith(CaseFileFormat.DOCUMENTS) && e.getKey().endsWith(".ofd"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).toList();
    }

    /** The package's record (its chained entries), as text. */
    private static String record(byte[] zip) throws IOException {
        return new String(files(zip).get(CaseFileFormat.ENTRIES), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> files(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
