package cn.gov.shanwei.enforcement.cases.procedure;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.reporting.InspectionReport;
import cn.gov.shanwei.enforcement.cases.reporting.MeasureReport;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReport;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReporting;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which steps of coercive measures and inspections reach the big-data centre (ADR 0514): a measure's decision,
 * extension, release and disposal, and an inspection's results, each the next version of the procedure's record,
 * told in the step's own transaction; other steps report nothing, and a report that cannot be handed over refuses
 * the step with nothing written.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:reports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(ProcedureReportsTest.Exchange.class)
class ProcedureReportsTest {

    static final LocalDate TODAY = ProcedurePersistenceContract.TODAY;

    /** The exchange as the port sees it: reports kept, or refused on demand. */
    static final class Reports implements ProcedureReporting {
        final List<ProcedureReport> told = new CopyOnWriteArrayList<>();
        volatile boolean refuses;

        @Override
        public void report(ProcedureReport report, OfficerId by) {
            if (refuses) {
                throw new IllegalStateException("the outbox refused the report");
            }
            told.add(report);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Exchange {
        @Bean
        Reports procedureReports() {
            return new Reports();
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    CoerciveMeasureService measures;
    @Autowired
    InspectionService inspections;
    @Autowired
    Reports reports;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
        reports.told.clear();
        reports.refuses = false;
    }

    @Test
    void aMeasuresDecisionExtensionAndRelease_areVersions123_otherStepsReportNothing() {
        var taken = measures.impose(officer, ProcedurePersistenceContract.measure("reported measure",
                List.of("hf-officer-2"), ProcedurePersistenceContract.approved()));
        UUID id = taken.summary().id();
        measures.execute(officer, id, null, new MeasureCommand.StartTesting(TODAY, "酒精度检测", TODAY.plusDays(5),
                TODAY));
        measures.execute(officer, id, null, new MeasureCommand.FinishTesting(TODAY, "合格"));
        measures.execute(head, id, null, new MeasureCommand.Extend(30, "案情复杂", TODAY));
        measures.execute(head, id, null, new MeasureCommand.Release(TODAY, ReleaseGround.NO_LONGER_NEEDED, "处理完毕"));

        assertThat(reports.told).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(MeasureReport.class));
        List<MeasureReport> told = reports.told.stream().map(MeasureReport.class::cast).toList();
        assertThat(told).extracting(MeasureReport::moment).containsExactly(MeasureReport.Moment.DECIDED,
                MeasureReport.Moment.EXTENDED, MeasureReport.Moment.RELEASED);
        assertThat(told).extracting(MeasureReport::version).containsExactly(1, 2, 3);
        MeasureReport decided = told.get(0);
        assertThat(decided.procedureId()).isEqualTo(id);
        assertThat(decided.caseNumber()).isEqualTo(taken.summary().caseNumber());
        assertThat(decided.decisionNumber()).isEqualTo("海市监扣〔2025〕1号");
        assertThat(decided.kind()).isEqualTo(CoercionKind.SEIZURE);
        assertThat(decided.partyUscc()).isEqualTo(CaseFixtures.ORG_ID);
        assertThat(decided.regionCode()).isEqualTo("441521");
        assertThat(decided.matterCode()).isEqualTo(CaseFixtures.COERCION_MATTER);
        assertThat(decided.startDate()).isEqualTo(TODAY);
        assertThat(decided.endDate()).isEqualTo(taken.summary().dueOn());
        assertThat(told.get(1).endDate()).isAfter(decided.endDate().plusDays(29));
        assertThat(told.get(2).endedOn()).isEqualTo(TODAY);
        assertThat(decided.endedOn()).isNull();
    }

    @Test
    void anInspectionsResults_areItsVersions_planningAndTheVisitReportNothing() {
        var planned = inspections.plan(officer, new NewInspection(CaseFixtures.INSPECTION_ITEM,
                InspectionOrigin.COMPLAINT, "群众投诉", ProcedurePersistenceContract.party("reported shop"),
                ShanweiRegions.HAIFENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2")));
        UUID id = planned.summary().id();
        inspections.execute(head, id, null, new InspectionCommand.Approve("同意检查"));
        inspections.execute(officer, id, null, new InspectionCommand.CarryOut(CaseTestApplication.NOW,
                List.of("hf-officer-2"), "未公示许可证", OnSiteRecord.signedByParty(ProcedurePersistenceContract.RECORD)));
        assertThat(reports.told).isEmpty();

        inspections.execute(officer, id, null, new InspectionCommand.OrderRectification(TODAY, "公示许可证",
                TODAY.plusDays(10)));
        inspections.execute(officer, id, null, new InspectionCommand.CheckRectification(TODAY, true, "已公示"));

        List<InspectionReport> told = reports.told.stream().map(InspectionReport.class::cast).toList();
        assertThat(told).extracting(InspectionReport::result).containsExactly(
                InspectionReport.Result.RECTIFICATION_ORDERED, InspectionReport.Result.PROBLEM_CORRECTED);
        assertThat(told).extracting(InspectionReport::version).containsExactly(1, 2);
        assertThat(told.get(0).rectificationDueOn()).isEqualTo(TODAY.plusDays(10));
        assertThat(told.get(0).inspectedOn()).isEqualTo(TODAY);
        assertThat(told.get(0).origin()).isEqualTo(InspectionOrigin.COMPLAINT);
        assertThat(told.get(0).officerCertificates()).hasSize(2);
        assertThat(told.get(1).concludedOn()).isEqualTo(TODAY);
        assertThat(told.get(1).matterCode()).isEqualTo(CaseFixtures.INSPECTION_ITEM);
    }

    @Test
    void aReportThatCannotBeHandedOver_refusesTheStep_withNothingWritten() {
        var taken = measures.impose(officer, ProcedurePersistenceContract.measure("refused report",
                List.of("hf-officer-2"), ProcedurePersistenceContract.approved()));
        reports.refuses = true;

        assertThatThrownBy(() -> measures.execute(head, taken.summary().id(), null,
                new MeasureCommand.Extend(30, "案情复杂", TODAY))).hasMessageContaining("refused the report");

        assertThat(measures.get(head, taken.summary().id()).particulars().extensionDays()).isZero();
        assertThat(measures.get(head, taken.summary().id()).record()).hasSize(1);
    }
}
