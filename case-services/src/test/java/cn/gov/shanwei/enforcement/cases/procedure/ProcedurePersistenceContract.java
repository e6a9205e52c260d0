package cn.gov.shanwei.enforcement.cases.procedure;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawView;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionObjectPool;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewDraw;
import cn.gov.shanwei.enforcement.cases.procedure.draw.DrawRecord;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.cases.support.TestInspectionObjects;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.inspection.SpotCheckDraw;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionParticulars;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureParticulars;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureFeed;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureSummary;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coercive measures and inspections persisted: run on H2 and on PostgreSQL by the subclasses. */
abstract class ProcedurePersistenceContract {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final Instant TAKEN = Instant.parse("2025-06-10T01:00:00Z");
    static final Sm3 RECORD = Sm3.of("on-site record".getBytes(StandardCharsets.UTF_8));

    @Autowired
    AdministrationService admin;
    @Autowired
    CoerciveMeasureService measures;
    @Autowired
    InspectionService inspections;
    @Autowired
    PenaltyCaseService penalties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcedureFeed feed;
    @Autowired
    InspectionDrawService draws;
    @Autowired
    TestInspectionObjects objects;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
    }

    static Party party(String name) {
        return new Party(Party.Kind.ORGANISATION, name, CaseFixtures.ORG_ID);
    }

    static NewMeasure measure(String partyName, List<String> coOfficers, NewMeasure.Approval approval) {
        return new NewMeasure(CaseFixtures.COERCION_MATTER, CoercionKind.SEIZURE, party(partyName),
                ShanweiRegions.HAIFENG.value(), TAKEN, coOfficers,
                List.of(new ListedItem("散装白酒", new BigDecimal("12.5"), "kg", "无标签")), "来源不明",
                "可于60日内申请行政复议或6个月内提起行政诉讼", "", "海市监扣〔2025〕1号", true,
                OnSiteRecord.signedByParty(RECORD), approval);
    }

    static NewMeasure.Approval approved() {
        return new NewMeasure.Approval("hf-head", TAKEN.minusSeconds(1800), "同意");
    }

    @Test
    void aMeasureIsTakenExtendedOnceAndReleased_andReplaysFromItsChainedEncryptedRecord() {
        ProcedureDetail<MeasureParticulars> taken = measures.impose(officer, measure("measure party",
                List.of("hf-officer-2"), approved()));
        UUID id = taken.summary().id();
        assertThat(taken.summary().stage()).isEqualTo("IN_FORCE");
        assertThat(taken.summary().caseNumber()).startsWith(CaseFixtures.HF + "强〔2025〕");
        LocalDate term = taken.summary().dueOn();
        assertThat(term).isAfter(TODAY.plusDays(28));

        var extended = measures.execute(head, id, taken.summary().version(),
                new MeasureCommand.Extend(30, "案情复杂，需进一步调查", TODAY));
        assertThat(extended.particulars().extensionDays()).isEqualTo(30);
        assertThat(extended.summary().dueOn()).isAfter(term);
        assertThatThrownBy(() -> measures.execute(head, id, null, new MeasureCommand.Extend(10, "again", TODAY)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("one extension");

        var released = measures.execute(head, id, null, new MeasureCommand.Release(TODAY,
                ReleaseGround.NO_LONGER_NEEDED, "已作出处理"));
        assertThat(released.summary().stage()).isEqualTo("RELEASED");
        assertThat(released.deadlines()).isEmpty();

        var read = measures.get(head, id);
        assertThat(read.record()).extracting(PenaltyCaseDetail.Link::type)
                .containsExactly("MeasureImposed", "MeasureExtended", "MeasureReleased");
        assertThat(read.headHash()).isEqualTo(read.record().get(2).hash());
        assertThat(jdbc.queryForList("select payload_enc from procedure_case_event where case_id = ?", String.class,
                id)).allMatch(p -> p.startsWith("sm4gcm2:") && !p.contains("measure party"));
        assertThat(jdbc.queryForObject("select party_id_enc from procedure_case where id = ?", String.class, id))
                .doesNotContain(CaseFixtures.ORG_ID);
    }

    @Test
    void anUrgentMeasureWaitsForTheHeadsApproval() {
        var taken = measures.impose(officer, measure("urgent party", List.of("hf-officer-2"), null));
        assertThat(taken.summary().stage()).isEqualTo("AWAITING_APPROVAL");
        assertThat(taken.particulars().urgent()).isTrue();
        assertThat(taken.deadlines()).extracting(d -> d.rule()).hasSizeGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> measures.execute(officer, taken.summary().id(), null,
                new MeasureCommand.ApproveUrgent(TAKEN.plusSeconds(600), "同意")))
                .isInstanceOf(CaseAccessDeniedException.class).hasMessageContaining("SUBJECT_HEAD");
        var approved = measures.execute(head, taken.summary().id(), null,
                new MeasureCommand.ApproveUrgent(TAKEN.plusSeconds(600), "同意"));
        assertThat(approved.summary().stage()).isEqualTo("IN_FORCE");
    }

    @Test
    void oneOfficerAlone_orAnApprovalByANonHead_isRefusedAndNothingIsWritten() {
        int before = count("procedure_case");
        assertThatThrownBy(() -> measures.impose(officer, measure("alone", List.of(), approved())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("art. 18(2)");
        assertThatThrownBy(() -> measures.impose(officer, measure("alone", List.of("hf-officer-2"),
                new NewMeasure.Approval("hf-officer-2", TAKEN.minusSeconds(60), "同意"))))
                .hasMessageContaining("no subject head");
        assertThat(count("procedure_case")).isEqualTo(before);
    }

    @Test
    void jurisdiction_staleVersions_andTampering() {
        var taken = measures.impose(officer, measure("scope party", List.of("hf-officer-2"), approved()));
        UUID id = taken.summary().id();

        assertThatThrownBy(() -> measures.get(actor(admin, "lf-head"), id))
                .isInstanceOf(CaseAccessDeniedException.class).hasMessageNotContaining("scope party");
        assertThat(measures.get(actor(admin, "hf-supervisor"), id).summary().id()).isEqualTo(id);
        assertThat(measures.get(actor(admin, "city-supervisor"), id).summary().id()).isEqualTo(id);
        assertThatThrownBy(() -> measures.get(actor(admin, "city-admin"), id))
                .isInstanceOf(CaseAccessDeniedException.class);
        assertThat(measures.list(actor(admin, "lf-head"), null, null, null, "scope party", null, null, "updatedAt",
                true, 0, 20).total()).isZero();
        assertThat(measures.list(officer, null, "SEIZURE", null, "scope party", TODAY, TODAY, "caseNumber",
                false, 0, 20).total()).isEqualTo(1);
        // Inspections and measures share tables: an inspection id does not open a measure.
        assertThatThrownBy(() -> inspections.get(head, id)).isInstanceOf(CaseAccessDeniedException.class);

        assertThatThrownBy(() -> measures.execute(head, id, taken.summary().version() + 5,
                new MeasureCommand.Release(TODAY, ReleaseGround.NO_VIOLATION, "")))
                .isInstanceOf(ConcurrentEditException.class);

        jdbc.update("update procedure_case_event set hash = ? where case_id = ? and sequence = 1", "0".repeat(64), id);
        assertThatThrownBy(() -> measures.get(head, id)).isInstanceOf(TamperedDataException.class);
    }

    /**
     * 当事人标识 search (ADR 0530): one identifier, typed in lower case with spaces, finds the party's measures and
     * inspections in the caller's jurisdiction, and its penalty cases, through one blind index value.
     */
    @Test
    void aSearchByPartyId_findsMeasuresInspectionsAndPenaltyCases_throughOneIndexValue() {
        UUID measure = measures.impose(officer, measure("identified party", List.of("hf-officer-2"), approved()))
                .summary().id();
        UUID inspection = inspections.plan(officer, inspection("identified party", InspectionOrigin.COMPLAINT))
                .summary().id();
        UUID penalty = penalties.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(),
                "identified party")).summary().id();
        String typed = " " + CaseFixtures.ORG_ID.substring(0, 9).toLowerCase() + " " + CaseFixtures.ORG_ID.substring(9);

        assertThat(jdbc.queryForObject("select party_index from procedure_case where id = ?", String.class, measure))
                .isEqualTo(jdbc.queryForObject("select party_index from penalty_case where id = ?", String.class,
                        penalty));
        assertThat(measures.list(officer, null, null, null, null, null, null, "updatedAt", true, 0, 100, typed)
                .items()).extracting(ProcedureSummary::id).contains(measure).doesNotContain(inspection);
        assertThat(inspections.list(officer, null, null, null, null, null, null, "updatedAt", true, 0, 100, typed)
                .items()).extracting(ProcedureSummary::id).contains(inspection);
        assertThat(measures.list(actor(admin, "lf-head"), null, null, null, null, null, null, "updatedAt", true, 0,
                100, typed).items()).extracting(ProcedureSummary::id).doesNotContain(measure);
        assertThat(measures.list(officer, null, null, null, null, null, null, "updatedAt", true, 0, 100,
                "441521199001011231").items()).extracting(ProcedureSummary::id).doesNotContain(measure);
        assertThatThrownBy(() -> measures.list(officer, null, null, null, null, null, null, "updatedAt", true, 0, 20,
                "91441500MA4W123455")).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.field()).isEqualTo("partyId"));
    }

    NewInspection inspection(String name, InspectionOrigin origin) {
        return new NewInspection(CaseFixtures.INSPECTION_ITEM, origin, "食品安全专项检查", party(name),
                ShanweiRegions.HAIFENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2"));
    }

    /** The party-name search matches its text literally: {@code _} and {@code %} are no wildcards. */
    @Test
    void thePartyNameSearch_matchesWildcardsLiterally() {
        String own = "literal-" + UUID.randomUUID() + " ";
        for (String name : new String[]{"a_b", "axb", "100%", "1000"}) {
            measures.impose(officer, measure(own + name, List.of("hf-officer-2"), approved()));
        }

        for (String text : new String[]{"a_b", "100%"}) {
            assertThat(measures.list(officer, null, null, null, own + text, null, null, "updatedAt", true, 0, 20)
                    .items()).as(text).extracting(ProcedureSummary::partyName).containsExactly(own + text);
        }
    }

    @Test
    void anInspectionIsPlannedApprovedCarriedOut_andItsViolationBecomesOnePenaltyCase() {
        var planned = inspections.plan(officer, inspection("inspected shop", InspectionOrigin.COMPLAINT));
        UUID id = planned.summary().id();
        assertThat(planned.summary().stage()).isEqualTo("PLANNED");

        assertThatThrownBy(() -> inspections.execute(officer, id, null, new InspectionCommand.CarryOut(TAKEN,
                List.of("hf-officer-2"), "ok", OnSiteRecord.signedByParty(RECORD))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("approval");
        inspections.execute(head, id, null, new InspectionCommand.Approve("同意检查"));
        var done = inspections.execute(officer, id, null, new InspectionCommand.CarryOut(CaseTestApplication.NOW,
                List.of("hf-officer-2"), "未公示许可证", OnSiteRecord.signedByParty(RECORD)));
        assertThat(done.summary().stage()).isEqualTo("INSPECTED");
        ProcedureDetail<InspectionParticulars> found = inspections.execute(officer, id, done.summary().version(),
                new InspectionCommand.FindViolation(TODAY, CaseFixtures.MATTER, "未按规定公示食品经营许可信息"));
        assertThat(found.summary().stage()).isEqualTo("REFERRED");

        PenaltyCaseDetail penalty = inspections.registerPenaltyCase(officer, id, null);
        assertThat(penalty.summary().stage()).isEqualTo("LEAD");
        assertThat(penalty.summary().partyName()).isEqualTo("inspected shop");
        assertThat(inspections.get(officer, id).summary().followUpCaseId()).isEqualTo(penalty.summary().id());
        assertThatThrownBy(() -> inspections.registerPenaltyCase(officer, id, null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already");
    }

    @Test
    void theYearlyLimitCountsAcrossInspections_andACancelledOneFreesItsPlace() {
        // An entity of its own, so that no other test's inspection counts towards its limit.
        Party entity = new Party(Party.Kind.ORGANISATION, "limit " + UUID.randomUUID(), freshUscc());
        NewInspection first = new NewInspection(CaseFixtures.INSPECTION_ITEM, InspectionOrigin.PLANNED_CAMPAIGN,
                "专项", entity, ShanweiRegions.HAIFENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2"));
        var planned = inspections.plan(officer, first);
        NewInspection second = first;
        assertThatThrownBy(() -> inspections.plan(officer, second))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("yearly limit");

        inspections.execute(head, planned.summary().id(), null, new InspectionCommand.Cancel(TODAY, "改期"));
        assertThat(inspections.plan(officer, second).summary().stage()).isEqualTo("PLANNED");
    }

    @Test
    void bothProceduresAreReadAsOneFeedInLogOrder_stayingBehindTheClock() {
        long start = endOfFeed();
        var taken = measures.impose(officer, measure("fed measure", List.of("hf-officer-2"), approved()));
        var planned = inspections.plan(officer, inspection("fed shop", InspectionOrigin.COMPLAINT));
        inspections.execute(head, planned.summary().id(), null, new InspectionCommand.Approve("同意检查"));
        measures.execute(head, taken.summary().id(), null, new MeasureCommand.Release(TODAY,
                ReleaseGround.NO_LONGER_NEEDED, "已作出处理"));

        List<ProcedureFeed.Event> fed = feed.after(start, 100, Duration.ZERO);

        assertThat(fed).extracting(e -> e.getClass().getSimpleName()).containsExactly("MeasureEntry",
                "InspectionEntry", "InspectionEntry", "MeasureEntry");
        assertThat(fed).extracting(e -> e instanceof ProcedureFeed.MeasureEntry m ? m.event().getClass().getSimpleName()
                : ((ProcedureFeed.InspectionEntry) e).event().getClass().getSimpleName())
                .containsExactly("MeasureImposed", "InspectionPlanned", "InspectionApproved", "MeasureReleased");
        assertThat(((ProcedureFeed.MeasureEntry) fed.get(0)).event().caseNumber().value())
                .isEqualTo(taken.summary().caseNumber());
        assertThat(((ProcedureFeed.InspectionEntry) fed.get(1)).event().caseNumber().value())
                .isEqualTo(planned.summary().caseNumber());
        assertThat(fed).extracting(ProcedureFeed.Event::position).isSorted().doesNotHaveDuplicates();
        assertThat(feed.after(start, 2, Duration.ZERO)).isEqualTo(fed.subList(0, 2));
        assertThat(feed.after(fed.get(1).position(), 100, Duration.ZERO)).isEqualTo(fed.subList(2, 4));
        assertThat(feed.after(start, 100, Duration.ofSeconds(1))).as("recorded less than a second ago").isEmpty();
        assertThatThrownBy(() -> feed.after(start, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.after(start, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static NewEvidence evidence(String text, String... coOfficers) {
        return new NewEvidence("封存现场照片", TAKEN.plusSeconds(300), "海城镇二马路仓库", List.of(coOfficers), "照片 1.jpg",
                "image/jpeg", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void evidenceOfAMeasureAndAnInspection_isStoredWithItsDigest_listed_andExportedInAVerifiableCaseFile()
            throws IOException {
        UUID measure = measures.impose(officer, measure("evidence party", List.of("hf-officer-2"), approved()))
                .summary().id();
        int files = count("procedure_evidence_file");
        assertThatThrownBy(() -> measures.recordEvidence(officer, measure, null, evidence("alone")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("art. 18(2)");
        assertThat(count("procedure_evidence_file")).as("a refused upload leaves no file").isEqualTo(files);

        var withEvidence = measures.recordEvidence(officer, measure, 0L, evidence("barrels", "hf-officer-2"));

        assertThat(withEvidence.evidence()).singleElement().satisfies(e -> {
            assertThat(e.evidenceId()).isEqualTo("E1");
            assertThat(e.sm3()).isEqualTo(Sm3.of("barrels".getBytes(StandardCharsets.UTF_8)).hex());
            assertThat(e.officers()).containsExactly("hf-officer-1", "hf-officer-2");
        });
        assertThat(withEvidence.record()).extracting(PenaltyCaseDetail.Link::type).contains("EvidenceRecorded");
        assertThat(measures.evidenceFile(actor(admin, "hf-supervisor"), measure, "E1").content())
                .isEqualTo("barrels".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> measures.evidenceFile(actor(admin, "lf-head"), measure, "E1"))
                .isInstanceOf(CaseAccessDeniedException.class);
        assertThatThrownBy(() -> measures.evidenceFile(officer, measure, "E9")).isInstanceOf(NotFoundException.class);

        UUID inspection = inspections.plan(officer, inspection("evidence shop", InspectionOrigin.COMPLAINT)).summary()
                .id();
        assertThatThrownBy(() -> inspections.recordEvidence(officer, inspection, null, evidence("x", "hf-officer-2")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("not yet carried out");
        inspections.execute(head, inspection, null, new InspectionCommand.Approve("同意"));
        inspections.execute(officer, inspection, null, new InspectionCommand.CarryOut(CaseTestApplication.NOW,
                List.of("hf-officer-2"), "仓库温度超标", OnSiteRecord.signedByParty(RECORD)));
        assertThat(inspections.recordEvidence(officer, inspection, null, evidence("thermometer", "hf-officer-2"))
                .evidence()).hasSize(1);

        for (byte[] zip : List.of(measures.exportCaseFile(actor(admin, "city-supervisor"), measure),
                inspections.exportCaseFile(officer, inspection))) {
            CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(zip), List.of());
            assertThat(report.problems()).isEmpty();
            assertThat(report.files()).as("entries + one evidence file").isEqualTo(2);
        }
        assertThatThrownBy(() -> inspections.exportCaseFile(actor(admin, "lf-head"), inspection))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aDrawRecordsItsSeedAndInputs_plansOneInspectionPerObject_andRepeatsFromItsRecord() {
        List<String> ids = IntStream.range(0, 6).mapToObj(n -> freshUscc()).toList();
        String person = freshResidentId();
        List<InspectionObjectPool.PoolObject> listed = new ArrayList<>();
        ids.forEach(id -> listed.add(new InspectionObjectPool.PoolObject(id, "shop " + id.substring(12))));
        listed.add(new InspectionObjectPool.PoolObject(person, "个体户 张三"));
        listed.add(new InspectionObjectPool.PoolObject("NOT-AN-ID", "bad entry"));
        objects.list(CaseFixtures.HF, CaseFixtures.INSPECTION_ITEM, listed);
        String seed = "2025-06-10 海丰县市场监管局公开摇号 4711";

        InspectionDrawView drawn = draws.draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 3, null,
                seed));

        assertThat(drawn.drawId()).startsWith(CaseFixtures.HF + "随〔2025〕");
        assertThat(drawn.algorithm()).isEqualTo(SpotCheckDraw.ALGORITHM);
        assertThat(drawn.seed()).isEqualTo(seed);
        assertThat(drawn.poolSize()).isEqualTo(7);
        assertThat(drawn.inspectorPool()).containsExactly("hf-officer-1", "hf-officer-2");
        assertThat(drawn.leftOut()).singleElement().satisfies(l -> assertThat(l.reason()).contains("neither"));
        SpotCheckDraw again = SpotCheckDraw.draw(drawn.drawId(), seed, listed.stream().limit(7)
                        .map(InspectionObjectPool.PoolObject::objectId).toList(), 3,
                List.of(new OfficerId("hf-officer-2"), new OfficerId("hf-officer-1")), 2);
        assertThat(drawn.entityPoolDigest()).isEqualTo(again.entityPoolDigest().hex());
        DrawRecord record = draws.record(officer, drawn.id());
        assertThat(record.assignments()).extracting(DrawRecord.Assignment::entityId)
                .isEqualTo(again.assignments().stream().map(SpotCheckDraw.Assignment::entityId).toList());
        assertThat(record.irreproducibility()).isEmpty();
        for (InspectionDrawView.Drawn d : drawn.drawn()) {
            assertThat(d.inspectors()).containsExactlyInAnyOrder("hf-officer-1", "hf-officer-2");
            assertThat(d.entityId()).doesNotContain(person);
            var planned = inspections.get(officer, d.inspectionId());
            assertThat(planned.summary().kind()).isEqualTo("RANDOM_DRAW");
            assertThat(planned.summary().caseNumber()).isEqualTo(d.caseNumber());
        }
        assertThat(draws.repeat(actor(admin, "hf-supervisor"), drawn.id()).reproduced()).isTrue();
        assertThat(draws.list(officer, CaseFixtures.INSPECTION_ITEM, 0, 100).items())
                .extracting(InspectionDrawView::id).contains(drawn.id());
        assertThat(draws.list(actor(admin, "lf-head"), null, 0, 100).items()).extracting(InspectionDrawView::id)
                .doesNotContain(drawn.id());
        assertThatThrownBy(() -> draws.get(actor(admin, "lf-head"), drawn.id()))
                .isInstanceOf(CaseAccessDeniedException.class);
        assertThat(jdbc.queryForObject("select record_enc from inspection_draw where id = ?", String.class,
                drawn.id())).startsWith("sm4gcm2:").doesNotContain(person).doesNotContain(ids.get(0));

        jdbc.update("update inspection_draw set seed = ? where id = ?", seed + " changed", drawn.id());
        var repeated = draws.repeat(officer, drawn.id());
        assertThat(repeated.reproduced()).isFalse();
        assertThat(repeated.problems()).anyMatch(p -> p.contains("seed"));
    }

    @Test
    void aDrawTheRulesRefuse_writesNothing_andObjectsAtTheirYearlyLimitStayOutOfThePool() {
        String inspected = freshUscc();
        List<String> ids = List.of(freshUscc(), freshUscc(), inspected);
        objects.list(CaseFixtures.HF, CaseFixtures.INSPECTION_ITEM, ids.stream()
                .map(id -> new InspectionObjectPool.PoolObject(id, "shop " + id)).toList());
        inspections.plan(officer, new NewInspection(CaseFixtures.INSPECTION_ITEM, InspectionOrigin.PLANNED_CAMPAIGN,
                "专项", new Party(Party.Kind.ORGANISATION, "already inspected", inspected),
                ShanweiRegions.HAIFENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2")));
        int cases = count("procedure_case");
        int drawRows = count("inspection_draw");

        assertThatThrownBy(() -> draws.draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 3, 2, "s")))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("cannot draw 3 of the 2");
        assertThatThrownBy(() -> draws.draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 1, 3, "s")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("only 2 officer(s)");
        assertThatThrownBy(() -> draws.draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 1, 1, "s")))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> draws.draw(officer, new NewDraw(CaseFixtures.MATTER, TODAY, 1, 2, "s")))
                .isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> draws.draw(head, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 1, 2, "s")))
                .isInstanceOf(CaseAccessDeniedException.class).hasMessageContaining("OFFICER");
        assertThat(count("procedure_case")).isEqualTo(cases);
        assertThat(count("inspection_draw")).isEqualTo(drawRows);

        InspectionDrawView drawn = draws.draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM, TODAY, 2, 2, null));
        assertThat(drawn.seed()).as("a seed drawn by the hub is recorded").matches("[0-9a-f]{32}");
        assertThat(drawn.leftOut()).singleElement().satisfies(l -> {
            assertThat(l.objectId()).isEqualTo(inspected);
            assertThat(l.reason()).contains("yearly limit is 1");
        });
        assertThat(drawn.drawn()).extracting(InspectionDrawView.Drawn::entityId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
    }

    /** A valid 居民身份证号码 not used before: a random body and the check character that fits it. */
    static String freshResidentId() {
        String body = "44152119900101" + String.format("%03d", Math.floorMod(UUID.randomUUID()
                .getLeastSignificantBits(), 1000L));
        for (char c : "0123456789X".toCharArray()) {
            if (PartyIdentifiers.kindOf(body + c).filter(k -> k == Party.Kind.PERSON).isPresent()) {
                return body + c;
            }
        }
        throw new IllegalStateException("no check character fits " + body);
    }

    /** The last position of the procedure feed now (other tests wrote before). */
    long endOfFeed() {
        long end = 0;
        for (List<ProcedureFeed.Event> page = feed.after(0, 1000, Duration.ZERO); !page.isEmpty();
             page = feed.after(end, 1000, Duration.ZERO)) {
            end = page.get(page.size() - 1).position();
        }
        return end;
    }

    /** A valid 统一社会信用代码 not used before: a random body and the check character that fits it. */
    static String freshUscc() {
        String body = "91441500" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                1_000_000_000L));
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            try {
                PartyIdentifiers.check(new Party(Party.Kind.ORGANISATION, "x", body + c));
                return body + c;
            } catch (RuntimeException wrongCheckCharacter) {
                // try the next
            }
        }
        throw new IllegalStateException("no check character fits " + body);
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
