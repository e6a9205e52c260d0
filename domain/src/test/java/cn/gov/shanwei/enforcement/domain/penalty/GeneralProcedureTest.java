package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PlannedInstalment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.HAWKER;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政处罚 general procedure (一般程序)")
class GeneralProcedureTest {

    @Test
    @DisplayName("From lead to archive: a 10,000-yuan fine on a shop, served, paid, closed and archived")
    void fullCaseFromLeadToArchive() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).on("2025-03-05").filed().evidence()
                .on("2025-03-20").notified(1_000_000, "一般").on("2025-03-28").decided(1_000_000, "一般")
                .on("2025-03-31").served();
        f.ok(f.pc.publishDecision(f.ctx(), f.today()));
        f.on("2025-04-10").ok(f.pc.recordPayment(f.ctx(), f.today(), 1_000_000));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.EXECUTED);
        f.ok(f.pc.close(f.ctx(), f.today(), "罚款已缴清"));
        f.ok(f.pc.archive(f.ctx(), f.today()));

        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.ARCHIVED);
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).isEmpty();
    }

    @Test
    @DisplayName("不予立案 closes the lead")
    void declineToFile() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP);
        f.ok(f.pc.declineToFile(f.ctx(), f.today(), "违法事实不成立"));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.CLOSED);
    }

    @Test
    @DisplayName("Evidence taken by one officer is refused (行政处罚法 art. 42)")
    void evidenceNeedsTwoOfficers() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed();
        String reason = f.attempt(c -> c.recordEvidence(f.ctx(), "E1", "笔录", Sm3.ofUtf8("x"), f.ctx().now(), "现场",
                List.of(CHEN)));
        assertThat(reason).contains("at least two officers");
    }

    @Test
    @DisplayName("Evidence records its SM3 digest, time, place and both officers' certificates")
    void evidenceIsRecordedWithDigest() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        assertThat(f.pc.evidence()).singleElement().satisfies(e -> {
            assertThat(e.digest()).isEqualTo(Sm3.ofUtf8("photo"));
            assertThat(e.officers()).containsExactly(CHEN.id(), LIN.id());
            assertThat(e.certificateNumbers()).hasSize(2);
            assertThat(e.collectedWhere()).contains("海城镇");
        });
    }

    @Test
    @DisplayName("The intended penalty cannot be notified before any evidence is recorded")
    void notifyNeedsEvidence() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed();
        assertThat(f.attempt(c -> c.notifyIntendedPenalty(f.ctx(), f.today(), PenaltyKind.FINE, 600_000, "一般")))
                .contains("record the evidence");
    }

    @Test
    @DisplayName("A fine is not decided before the intended penalty was notified (art. 44)")
    void decisionNeedsNotice() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 600_000, "一般")))
                .contains("art. 44");
        f.ok(f.pc.decide(f.ctx(), f.today(), "N", PenaltyKind.NO_PENALTY, 0, "轻微"));
    }

    @Test
    @DisplayName("While the hearing request window is open the officer is told until when")
    void decisionWaitsForHearingWindow() {
        CaseFixture f = new CaseFixture("2026-11-20").lead(SHOP).filed().evidence().notified(10_000_000, "严重");
        // notice on Friday 20 Nov 2026: 5 working days run to Friday 27 Nov
        assertThat(f.on("2026-11-26").attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 10_000_000,
                "严重"))).isEqualTo("the hearing request window is open until 2026-11-27");
    }

    @Test
    @DisplayName("A hearing request after the window is refused with the day it closed")
    void lateHearingRequest() {
        CaseFixture f = new CaseFixture("2024-02-08").lead(SHOP).filed().evidence().notified(10_000_000, "严重");
        assertThat(f.on("2024-02-22").attempt(c -> c.requestHearing(f.ctx(), f.today())))
                .contains("closed on 2024-02-21");
    }

    @Test
    @DisplayName("A fine below the hearing threshold gives no hearing right")
    void noHearingRightForSmallFine() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(600_000, "一般");
        assertThat(f.attempt(c -> c.requestHearing(f.ctx(), f.today()))).contains("art. 63");
    }

    @Test
    @DisplayName("Hearing: requested, notified 7 working days ahead, held; then legal review is mandatory")
    void hearingThenLegalReview() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(10_000_000, "严重");
        f.on("2025-03-05").ok(f.pc.requestHearing(f.ctx(), f.today()));
        assertThat(f.attempt(c -> c.serveHearingNotice(f.ctx(), f.today(), LocalDate.of(2025, 3, 14))))
                .contains("allows a hearing on 2025-03-15 at the earliest");
        f.ok(f.pc.serveHearingNotice(f.ctx(), f.today(), LocalDate.of(2025, 3, 17)));
        assertThat(f.attempt(c -> c.holdHearing(f.ctx(), f.today(), "x"))).contains("notified for 2025-03-17");
        f.on("2025-03-17").ok(f.pc.holdHearing(f.ctx(), f.today(), "听证笔录"));

        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 10_000_000, "严重")))
                .contains("legal review (法制审核) is required for a decision after a hearing");
        assertThat(f.pc.excludedPeriods()).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(12));
    }

    @Test
    @DisplayName("Legal review is required for a fine of 50,000 yuan under art. 58 when the threshold is 50,000")
    void legalReviewRequiredByAmount() {
        CaseFixture f = new CaseFixture("2025-03-03");
        f.rules = f.rules.withLegalReview(new FineThreshold(1_000_000, 5_000_000));
        f.lead(SHOP).filed().evidence().notified(5_000_000, "严重");
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 5_000_000, "严重")))
                .isEqualTo("legal review (法制审核) is required for a fine of 50,000 yuan under 行政处罚法 art. 58; "
                        + "no decision before it approves");
        f.ok(f.pc.completeLegalReview(f.ctx(), f.today(), "李律", false, "证据不足"));
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 5_000_000, "严重")))
                .as("a disapproving review does not count").contains("法制审核");
        f.reviewed().decided(5_000_000, "严重");
    }

    @Test
    @DisplayName("A fine of 100,000 yuan on an organisation needs collective discussion (art. 57)")
    void collectiveDiscussionRequired() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(10_000_000, "严重")
                .on("2025-03-11").reviewed();
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 10_000_000, "严重")))
                .contains("collective discussion");
        f.discussed().decided(10_000_000, "严重");
    }

    @Test
    @DisplayName("A decision outside the discretion band, or heavier than notified, is refused")
    void bandAndNoHeavierPenalty() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(HAWKER).filed().evidence().notified(600_000, "一般");
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 2_500_000, "一般")))
                .contains("outside the discretion standard");
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 700_000, "一般")))
                .contains("heavier than the notified penalty of a fine of 6,000 yuan (行政处罚法 art. 45)");
        f.decided(550_000, "一般");
    }

    @Test
    @DisplayName("A suspended case refuses every step but resumption, and its decision clock pauses")
    void suspensionAndResumption() {
        CaseFixture f = new CaseFixture("2025-07-01").lead(SHOP).filed().evidence();
        f.on("2025-08-01").ok(f.pc.suspend(f.ctx(), f.today(), "等待检测结果"));
        assertThat(f.pc.status(BUNDLED, f.rules, f.today())).isEqualTo(DeadlineState.PAUSED);
        assertThat(f.attempt(c -> c.notifyIntendedPenalty(f.ctx(), f.today(), PenaltyKind.FINE, 600_000, "一般")))
                .isEqualTo("the case is suspended (中止) since 2025-08-01: resume it before you notify the intended penalty");
        f.on("2025-08-11").ok(f.pc.resume(f.ctx(), f.today()));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).first()
                .satisfies(d -> assertThat(d.dueOn()).isEqualTo(LocalDate.of(2025, 10, 9)));
        assertThat(f.attempt(c -> c.resume(f.ctx(), f.today()))).isEqualTo("the case is not suspended");
    }

    @Test
    @DisplayName("A decision period is extended once only")
    void extensionOnce() {
        CaseFixture f = new CaseFixture("2025-07-01").lead(SHOP).filed();
        f.ok(f.pc.extendDecisionPeriod(f.ctx(), new OfficerId("o-head"), "案情复杂"));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today()).get(0).dueOn()).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(f.attempt(c -> c.extendDecisionPeriod(f.ctx(), new OfficerId("o-head"), "再次")))
                .contains("already been extended");
    }

    @Test
    @DisplayName("A lead not filed within 15 working days shows as overdue")
    void filingOverdue() {
        CaseFixture f = new CaseFixture("2025-01-20").lead(SHOP);
        assertThat(f.pc.status(BUNDLED, f.rules, LocalDate.of(2025, 2, 14))).isEqualTo(DeadlineState.DUE_SOON);
        assertThat(f.pc.status(BUNDLED, f.rules, LocalDate.of(2025, 2, 15))).isEqualTo(DeadlineState.OVERDUE);
        f.ok(f.pc.extendFilingPeriod(f.ctx(), new OfficerId("o-head"), "需检测"));
        assertThat(f.pc.status(BUNDLED, f.rules, LocalDate.of(2025, 2, 15))).isEqualTo(DeadlineState.ON_TIME);
    }

    @Test
    @DisplayName("A sealed decision document is recorded only for a decided case (电子签章)")
    void decisionSealed() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP);
        assertThat(f.attempt(c -> c.recordDecisionSealed(f.ctx(), "海市监罚〔2025〕1号", Sm3.ofUtf8("ofd"),
                "SEAL-HFSCJG-001", "passed"))).contains("no decision");
        f.on("2025-03-05").filed().evidence().on("2025-03-20").notified(1_000_000, "一般").on("2025-03-28")
                .decided(1_000_000, "一般");

        f.ok(f.pc.recordDecisionSealed(f.ctx(), "海市监罚〔2025〕1号", Sm3.ofUtf8("ofd"), "SEAL-HFSCJG-001",
                "passed SIGNATURE"));

        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.DECIDED);
        f.on("2025-03-31").served();
    }

    @Test
    @DisplayName("Steps out of order are refused in plain words")
    void outOfOrder() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP);
        assertThat(f.attempt(c -> c.serveDecision(f.ctx(), f.today(), "直接送达", "x")))
                .isEqualTo("cannot serve the decision while the case is a registered lead (案源) awaiting the filing decision");
        assertThat(f.attempt(c -> c.archive(f.ctx(), f.today()))).startsWith("cannot archive the case");
        assertThat(f.attempt(c -> c.file(f.ctx(), f.today().plusDays(1), new OfficerId("o")))).contains("in the future");
    }

    @Test
    @DisplayName("Unpaid after 15 days: surcharge 3% a day, court enforcement only inside its window, no closing while unpaid")
    void executionOfUnpaidFine() {
        CaseFixture f = new CaseFixture("2025-01-02").lead(HAWKER).filed().evidence().notified(600_000, "一般")
                .decided(600_000, "一般").on("2025-01-10").served();
        // 15 days from 10 Jan 2025 = 25 Jan 2025 (Saturday) → Sunday 26 Jan 2025, a 调休 working day
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo("PaymentDeadline");
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2025, 1, 26));
        });
        assertThat(f.pc.surchargeOn(BUNDLED, LocalDate.of(2025, 1, 28))).isEqualTo(2 * 18_000);
        assertThat(f.pc.surchargeOn(BUNDLED, LocalDate.of(2026, 1, 1))).isEqualTo(600_000);
        assertThat(f.on("2025-02-10").attempt(c -> c.close(f.ctx(), f.today(), "x"))).contains("6,000 yuan is still unpaid");
        assertThat(f.attempt(c -> c.applyForCourtEnforcement(f.ctx(), f.today(), LocalDate.of(2025, 2, 5))))
                .contains("may be applied for from 2025-07-11");
        f.on("2025-07-20").ok(f.pc.applyForCourtEnforcement(f.ctx(), f.today(), LocalDate.of(2025, 7, 1)));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.COURT_ENFORCEMENT);
    }

    @Test
    @DisplayName("Instalments: the second instalment paid late accrues 3% a day on its own amount")
    void instalmentPlan() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(HAWKER).filed().evidence().notified(600_000, "一般")
                .decided(600_000, "一般").served();
        assertThat(f.attempt(c -> c.approvePaymentPlan(f.ctx(), List.of(new PlannedInstalment(100_000,
                LocalDate.of(2025, 4, 30)))))).contains("add up to 1,000 yuan but 6,000 yuan is outstanding");
        f.ok(f.pc.approvePaymentPlan(f.ctx(), List.of(new PlannedInstalment(300_000, LocalDate.of(2025, 4, 30)),
                new PlannedInstalment(300_000, LocalDate.of(2025, 5, 30)))));
        f.on("2025-04-30").ok(f.pc.recordPayment(f.ctx(), f.today(), 300_000));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today()).get(0).dueOn()).isEqualTo(LocalDate.of(2025, 5, 30));
        f.on("2025-06-03").ok(f.pc.recordPayment(f.ctx(), f.today(), 300_000));

        assertThat(f.pc.surchargeOn(BUNDLED, f.today())).isEqualTo(4 * 9_000);
        assertThat(f.pc.history().get(f.pc.version() - 1)).isInstanceOfSatisfying(PenaltyCaseEvent.FinePaid.class,
                p -> assertThat(p.surchargeFen()).isEqualTo(36_000));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.EXECUTED);
    }

    @Test
    @DisplayName("After the decision: service due within 7 working days and publication (双公示) within 7 working days")
    void serviceAndPublicationDeadlines() {
        CaseFixture f = new CaseFixture("2024-09-20").lead(SHOP).filed().evidence().notified(600_000, "一般")
                .on("2024-09-27").decided(600_000, "一般");
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today()))
                .extracting(d -> d.rule() + " " + d.dueOn())
                .containsExactly("ServiceDeadline 2024-10-12", "DecisionPublicationDeadline 2024-10-12");
        assertThat(f.pc.status(BUNDLED, f.rules, LocalDate.of(2024, 10, 14))).isEqualTo(DeadlineState.OVERDUE);
    }
}
