package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.cases.StaffApiTestBase;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.DecisionDocument;
import cn.gov.shanwei.enforcement.sdk.cases.EvidenceUpload;
import cn.gov.shanwei.enforcement.sdk.cases.FileDownload;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyStep;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionQuery;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoercionKind;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureQuery;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's {@code cases()} against the real staff API, in the case platform's test world (海丰县 market supervision
 * with its officers, set up by {@link StaffApiTestBase}): a signed municipal system acting for officers drives a
 * penalty case from lead to archive, a coercive measure and an inspection, and meets the hub's refusals as the
 * SDK's typed exceptions. Runs the case platform's examples of docs/sdk.md ({@link SdkExamples}).
 */
class CasesClientIT extends StaffApiTestBase {

    static final byte[] PHOTO = "photo of the shop front, 店招".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int hubPort;

    @TempDir
    Path folder;

    EnforcementHubClient hub;

    @BeforeEach
    void connect() {
        hub = EnforcementHubClient.builder().endpoint("http://127.0.0.1:" + hubPort)
                .credentials("case-system", "case-system-secret-0123456789abcdef")
                .retryPolicy(RetryPolicy.none()).applicationName("cases-it").build();
    }

    @AfterEach
    void disconnect() {
        hub.close();
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A filed case of {@code partyName}, through the first example. */
    PenaltyCase filedCase(String partyName) {
        SdkExamples.casesLeadToFiling(hub, partyName, today());
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();
        PenaltyCaseSummary filed = officer.list(PenaltyCaseQuery.builder().partyName(partyName).build()).items()
                .get(0);
        return officer.get(filed.id());
    }

    @Test
    void leadToFiling_registerListGetFile_withOptimisticLocking() {
        String partyName = unique("汕尾某餐饮有限公司");

        List<String> printed = SdkExamples.casesLeadToFiling(hub, partyName, today());

        assertThat(printed).singleElement().asString().startsWith("1 lead(s); filed as ");
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();
        CasePage<PenaltyCaseSummary> page = officer.list(PenaltyCaseQuery.builder().partyName(partyName).build());
        PenaltyCaseSummary filed = page.items().get(0);
        assertThat(page.total()).isEqualTo(1);
        assertThat(filed.stage()).isEqualTo("FILED");
        assertThat(filed.partyIdMasked()).doesNotContain("MA4W1234");
        assertThat(printed.get(0)).endsWith(filed.caseNumber());
        PenaltyCase read = officer.get(filed.id());
        assertThat(read.summary().version()).isEqualTo(filed.version());
        assertThat(read.record()).extracting(l -> l.type()).contains("LeadRegistered", "CaseFiled");
    }

    @Test
    void aPenaltyCaseRunsFromLeadToArchive_throughTheSdk() throws Exception {
        PenaltyCase filed = filedCase(unique("lifecycle 餐饮有限公司"));
        UUID id = filed.summary().id();
        Path photo = Files.write(folder.resolve("店招照片.jpg"), PHOTO);

        List<String> printed = SdkExamples.casesLifecycle(hub, id, photo, folder, today());

        assertThat(printed).hasSize(4);
        assertThat(printed.get(0)).isEqualTo("evidence E1 SM3 " + Sm3.of(PHOTO).hex());
        assertThat(printed.get(1)).isEqualTo("decision document SEALED");
        assertThat(printed.get(2)).startsWith("payment notice 300000 fen due ");
        assertThat(printed.get(3)).isEqualTo("ARCHIVED, paid 300000 fen");
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();
        DecisionDocument document = officer.getDecisionDocument(id);
        assertThat(document.report()).hasValueSatisfying(report -> assertThat(report.valid()).isTrue());
        assertThat(Sm3.of(Files.readAllBytes(folder.resolve("decision.ofd"))).hex())
                .isEqualTo(document.sealedSm3().orElseThrow());
        try (InputStream zip = Files.newInputStream(folder.resolve("casefile.zip"))) {
            CaseFileVerifier.Report casefile = CaseFileVerifier.verify(zip);
            assertThat(casefile.problems()).isEmpty();
            assertThat(casefile.files()).as("the evidence file and the sealed decision").isGreaterThanOrEqualTo(1);
        }
        try (FileDownload evidence = officer.downloadEvidence(id, "E1")) {
            assertThat(evidence.sm3()).contains(Sm3.of(PHOTO).hex());
            assertThat(evidence.content().readAllBytes()).isEqualTo(PHOTO);
        }
        PenaltyCase archived = officer.get(id);
        assertThat(archived.record()).extracting(l -> l.type()).containsSubsequence("CaseFiled", "EvidenceRecorded",
                "PenaltyDecided", "DecisionSealed", "DecisionServed", "CaseClosed", "CaseArchived");
        assertThat(officer.list(PenaltyCaseQuery.builder().stage("ARCHIVED").partyName(archived.summary()
                .partyName()).build()).total()).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsAConflictWithTheCurrentVersion_andAForbiddenStepARuleViolation_nothingWritten() {
        PenaltyCase filed = filedCase(unique("stale 餐饮有限公司"));
        UUID id = filed.summary().id();
        long stale = filed.summary().version() - 1;

        List<String> printed = SdkExamples.casesConflict(hub, id, stale);

        assertThat(printed).containsExactly("changed meanwhile, now at version " + filed.summary().version());
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();
        assertThatThrownBy(() -> officer.archive(id, new PenaltyStep.Archive(today()), filed.summary().version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.conflict()).contains(ConflictException.RULE_VIOLATED);
                    assertThat(e.status()).isEqualTo(409);
                });
        assertThat(SdkExamples.casesConflict(hub, id, filed.summary().version())).singleElement().asString()
                .startsWith("not allowed now: ");   // hf-head may not decline a filed case
        assertThat(officer.get(id).summary().version()).as("nothing written").isEqualTo(filed.summary().version());
    }

    @Test
    void badFields_areValidationExceptionsNamingEachField_andWriteNothing() {
        PenaltyCase filed = filedCase(unique("bad fields 餐饮有限公司"));
        UUID id = filed.summary().id();
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();

        assertThatThrownBy(() -> officer.notifyIntendedPenalty(id, new PenaltyStep.IntendedPenaltyNotice(today(),
                PenaltyKind.FINE, -1, " "), filed.summary().version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldErrors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("fineFen", "circumstance");
                });
        assertThatThrownBy(() -> officer.uploadEvidence(id, EvidenceUpload.builder().description("nothing")
                .collectedAt(Instant.now()).where("shop").coOfficerIds(List.of("hf-officer-2"))
                .content(new byte[0], "empty.jpg", "image/jpeg").build(), filed.summary().version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(new FieldError("file", "is empty")));
        assertThatThrownBy(() -> officer.registerLead(new NewLead("C4415-SCJ-0001", new Party(PartyKind.ORGANISATION,
                "x", "91441500MA4W123455"), "441521", today(), "facts")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("party.idNumber"));
        assertThat(officer.get(id).summary().version()).isEqualTo(filed.summary().version());
    }

    @Test
    void officerOfAnotherSubject_mayNotReadOrChangeTheCaseMeasureOrInspection() {
        PenaltyCase lead = hub.cases().actingFor("hf-officer-1").penalties().registerLead(new NewLead(
                "C4415-SCJ-0001", new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"), "441521",
                today().minusDays(1), "facts"));
        SdkExamples.measures(hub, unique("foreign measure"), "d".repeat(64), today());
        ProcedureSummary measure = hub.cases().actingFor("hf-officer-1").measures().list(MeasureQuery.firstPage()
                .withKind(CoercionKind.SEIZURE)).items().get(0);

        var lufeng = hub.cases().actingFor("lf-officer-1");
        assertThatThrownBy(() -> lufeng.penalties().get(lead.summary().id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> lufeng.penalties().downloadCaseFile(lead.summary().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lufeng.measures().get(measure.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> hub.cases().actingFor("lf-head").penalties().file(lead.summary().id(), today(),
                lead.summary().version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMeasureIsTakenAndReleased_andAnInspectionLeadsToAPenaltyCase_throughTheSdk() {
        String party = unique("measured 酒行");
        String entity = unique("inspected 餐馆");

        assertThat(SdkExamples.measures(hub, party, "e".repeat(64), today())).satisfiesExactly(
                taken -> assertThat(taken).startsWith("IN_FORCE until "),
                released -> assertThat(released).isEqualTo("RELEASED"));
        assertThat(SdkExamples.inspections(hub, entity, "f".repeat(64), today()))
                .containsExactly("REFERRED, penalty case LEAD");

        var officer = hub.cases().actingFor("hf-officer-1");
        CasePage<ProcedureSummary> measures = officer.measures().list(MeasureQuery.firstPage().withPartyName(party)
                .withStage("RELEASED"));
        assertThat(measures.items()).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo("SEIZURE"));
        assertThat(officer.measures().get(measures.items().get(0).id()).particulars().items())
                .singleElement().satisfies(item -> assertThat(item.quantity()).isEqualByComparingTo("12.5"));
        ProcedureSummary inspection = officer.inspections().list(InspectionQuery.firstPage().withEntityName(entity))
                .items().get(0);
        assertThat(inspection.followUpCaseId()).isNotNull();
        assertThat(officer.penalties().get(inspection.followUpCaseId()).summary().partyName()).isEqualTo(entity);
        assertThatThrownBy(() -> officer.inspections().registerPenaltyCase(inspection.id(), inspection.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onTheSpot_opensACaseDecidedAndServed_withinTheSummaryLimit() {
        assertThat(SdkExamples.onTheSpot(hub, unique("当场"))).containsExactly("SERVED 20000 fen");   // delivered on the spot
        assertThatThrownBy(() -> hub.cases().actingFor("hf-officer-1").penalties().imposeOnTheSpot(
                new cn.gov.shanwei.enforcement.sdk.cases.OnTheSpotPenalty("C4415-SCJ-0001", new Party(
                        PartyKind.PERSON, "超额", "441521199001011231"), "441521", List.of("hf-officer-2"),
                        PenaltyKind.FINE, 20_001, "over the limit")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("art. 51"));
    }

    @Test
    void evidenceUploadedFromAStream_withAChineseFileName_arrivesIntact() throws IOException {
        PenaltyCase filed = filedCase(unique("stream 餐饮有限公司"));
        byte[] video = new byte[60_000];   // the test hub takes evidence up to 64 KB
        new java.util.Random(7).nextBytes(video);

        PenaltyCase withEvidence;
        try (InputStream in = new java.io.ByteArrayInputStream(video)) {
            withEvidence = hub.cases().actingFor("hf-officer-1").penalties().uploadEvidence(filed.summary().id(),
                    EvidenceUpload.builder().description("执法记录仪视频").collectedAt(Instant.now().minusSeconds(30))
                            .where("海城镇").coOfficerIds(List.of("hf-officer-2"))
                            .content(in, "执法记录仪.mp4", "video/mp4").build(), filed.summary().version());
        }

        assertThat(withEvidence.evidence()).singleElement().satisfies(e -> {
            assertThat(e.sm3()).isEqualTo(Sm3.of(video).hex());
            assertThat(e.officers()).containsExactlyInAnyOrder("hf-officer-1", "hf-officer-2");
        });
        try (FileDownload back = hub.cases().actingFor("hf-head").penalties().downloadEvidence(filed.summary().id(),
                withEvidence.evidence().get(0).evidenceId())) {
            assertThat(back.mediaType()).isEqualTo("video/mp4");
            assertThat(back.content().readAllBytes()).isEqualTo(video);
        }
    }
}
