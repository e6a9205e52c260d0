package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static cn.gov.shanwei.enforcement.domain.coercion.MeasureFixture.HEAD;
import static cn.gov.shanwei.enforcement.domain.coercion.MeasureFixture.at;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政强制措施: 查封、扣押、冻结 (行政强制法)")
class CoerciveMeasureTest {

    private static final OnSiteRecord SIGNED = OnSiteRecord.signedByParty(Sm3.ofUtf8("x"));

    @Nested
    @DisplayName("Taking the measure")
    class Taking {

        @Test
        @DisplayName("A seizure approved beforehand is in force for 30 days after the day it was taken, then overdue")
        void seizureRunsThirtyDays() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
            assertThat(f.m.stage()).isEqualTo(MeasureStage.IN_FORCE);
            Deadline term = f.m.term(BUNDLED, d("2025-03-03"));
            assertThat(term.dueOn()).isEqualTo(d("2025-04-02"));
            assertThat(term.article()).contains("行政强制法 art. 25");
            assertThat(f.m.status(BUNDLED, d("2025-03-20"))).isEqualTo(DeadlineState.ON_TIME);
            assertThat(f.m.status(BUNDLED, d("2025-03-31"))).isEqualTo(DeadlineState.DUE_SOON);
            assertThat(f.m.status(BUNDLED, d("2025-04-03"))).as("not released in time").isEqualTo(DeadlineState.OVERDUE);
        }

        @Test
        @DisplayName("The record of the seizure keeps the list, reasons, basis, remedies, officers and the approval")
        void imposedEventKeepsWhatTheLawAsks() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
            CoerciveMeasureEvent.MeasureImposed e = (CoerciveMeasureEvent.MeasureImposed) f.m.history().get(0);
            assertThat(e.items()).isEqualTo(MeasureFixture.LIQUOR);
            assertThat(e.basis()).isEqualTo(SEIZE_UNSAFE_FOOD_V1.basis());
            assertThat(e.remedies()).contains("行政复议");
            assertThat(e.officers()).containsExactly(CHEN.id(), LIN.id());
            assertThat(e.certificateNumbers()).containsExactly(CHEN.certificate().number(), LIN.certificate().number());
            assertThat(e.approval().head()).isEqualTo(HEAD);
            assertThat(e.urgent()).isFalse();
            assertThat(e.deliveredOn()).isEqualTo(d("2025-03-03"));
        }

        @Test
        @DisplayName("An approval signed after the measure was taken is refused: that is an urgent case")
        void lateApprovalIsNotPriorApproval() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            String reason = f.refusedOpening(CoerciveMeasure.impose(f.ctx(), directory(), HAIFENG_MARKET,
                    SEIZE_UNSAFE_FOOD_V1, f.seizure().withImposedAt(at("2025-03-03T09:00")),
                    f.approvalAt("2025-03-03T09:30")));
            assertThat(reason).isEqualTo("the head approved at 2025-03-03 09:30, after the measure was taken at "
                    + "2025-03-03 09:00: a measure taken before approval is an urgent measure, to be reported within "
                    + "24 hours (行政强制法 art. 18(1), 19)");
        }

        @Test
        @DisplayName("One officer alone cannot seize (行政强制法 art. 18(2))")
        void twoOfficers() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusal(f.seizureBy(List.of(CHEN), SIGNED, true)))
                    .isEqualTo("at least two officers holding enforcement certificates must take part "
                            + "(行政强制法 art. 18(2))");
        }

        @Test
        @DisplayName("An officer whose certificate has expired cannot take part")
        void certifiedOfficers() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusal(f.seizureBy(List.of(CHEN, HUANG_EXPIRED), SIGNED, true)))
                    .contains("黄强 may not act").contains("valid only from");
        }

        @Test
        @DisplayName("When the party stays away, a witness must sign the on-site record")
        void absentPartyNeedsWitness() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusal(f.seizureBy(List.of(CHEN, LIN), OnSiteRecord.partyAbsent("", Sm3.ofUtf8("x")), false)))
                    .contains("a witness must sign the on-site record (行政强制法 art. 18(9))");
            f.opened(f.imposeApproved(f.seizureBy(List.of(CHEN, LIN), OnSiteRecord.partyAbsent("村委会 王五",
                    Sm3.ofUtf8("x")), false)));
            assertThat(f.m.deliveredOn()).as("the decision is still to be served").isEmpty();
        }

        @Test
        @DisplayName("When the party refuses to sign, the record must say so")
        void refusalIsNoted() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusal(f.seizureBy(List.of(CHEN, LIN), OnSiteRecord.partyRefused("", "", Sm3.ofUtf8("x")), true)))
                    .contains("must note the refusal (行政强制法 art. 18(8))");
        }

        @Test
        @DisplayName("With the party present, the decision and the list are handed over on the spot")
        void deliveredOnTheSpot() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusal(f.seizureBy(List.of(CHEN, LIN), SIGNED, false)))
                    .contains("on the spot (行政强制法 art. 24)");
        }

        @Test
        @DisplayName("A measure without a list, reasons or remedies is refused")
        void contentsOfTheDecision() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            MeasureOrder o = f.seizure();
            assertThat(f.refusal(o.withItems(List.of()))).contains("清单");
            assertThat(f.refusal(o.withReasonsAndRemedies(" ", o.remedies()))).contains("reasons");
            assertThat(f.refusal(o.withReasonsAndRemedies(o.reasons(), ""))).contains("remedies");
        }

        @Test
        @DisplayName("A penalty matter cannot be used to seize, and a subject cannot seize outside its area")
        void matterKindAndJurisdiction() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            assertThat(f.refusedOpening(CoerciveMeasure.impose(f.ctx(), directory(), HAIFENG_MARKET, FOOD_LICENCE_V1,
                    f.seizure(), f.approvedNow()))).contains("is not a coercive-measure matter");
            assertThat(f.refusedOpening(CoerciveMeasure.impose(f.ctx(), directory(), LUFENG_MARKET,
                    SEIZE_UNSAFE_FOOD_V1, f.seizure(), f.approvedNow()))).contains("outside the jurisdiction");
        }
    }

    @Nested
    @DisplayName("Urgent cases (行政强制法 art. 19)")
    class Urgent {

        private MeasureFixture urgent() {
            MeasureFixture f = new MeasureFixture("2025-03-07T21:30");
            return f.opened(CoerciveMeasure.imposeUrgently(f.ctx(), directory(), HAIFENG_MARKET, SEIZE_UNSAFE_FOOD_V1,
                    f.seizure()));
        }

        @Test
        @DisplayName("Seized at night without approval: reported and approved within 24 hours, the seizure stands")
        void approvedWithinTwentyFourHours() {
            MeasureFixture f = urgent();
            assertThat(f.m.stage()).isEqualTo(MeasureStage.AWAITING_APPROVAL);
            assertThat(f.m.deadlines(BUNDLED, d("2025-03-07"))).extracting(Deadline::rule)
                    .contains("UrgentMeasureReport");
            f.on("2025-03-08T20:00").ok(f.m.approveUrgentMeasure(f.ctx(), at("2025-03-08T09:00"),
                    f.approvalAt("2025-03-08T19:00")));
            assertThat(f.m.stage()).isEqualTo(MeasureStage.IN_FORCE);
            assertThat(f.m.deadlines(BUNDLED, d("2025-03-08"))).extracting(Deadline::rule)
                    .containsExactly("CoerciveMeasureLimit");
        }

        @Test
        @DisplayName("Reported 25 hours later it can no longer be approved: the officer is told to release it")
        void lateReportCannotBeApproved() {
            MeasureFixture f = urgent().on("2025-03-09T09:00");
            assertThat(f.attempt(m -> m.approveUrgentMeasure(f.ctx(), at("2025-03-08T22:30"), f.approvedNow())))
                    .isEqualTo("the urgent measure taken at 2025-03-07 21:30 had to be reported to the head by "
                            + "2025-03-08 21:30 (行政强制法 art. 19); it can no longer be approved: release it");
            assertThat(f.m.status(BUNDLED, d("2025-03-09"))).as("the missed report shows").isEqualTo(DeadlineState.OVERDUE);
        }

        @Test
        @DisplayName("The head finds the seizure should not have been made: it is released at once")
        void headRefuses() {
            MeasureFixture f = urgent().on("2025-03-08T08:00");
            var outcome = f.m.disapproveUrgentMeasure(f.ctx(), at("2025-03-07T23:00"), HEAD, "证据不足");
            f.ok(outcome);
            assertThat(outcome.events()).hasSize(2);
            assertThat(f.m.stage()).isEqualTo(MeasureStage.RELEASED);
            assertThat(((CoerciveMeasureEvent.MeasureReleased) outcome.events().get(1)).ground())
                    .isEqualTo(ReleaseGround.NOT_APPROVED);
            assertThat(f.m.deadlines(BUNDLED, f.today())).isEmpty();
        }

        @Test
        @DisplayName("A measure approved beforehand has no approval to complete")
        void noApprovalToComplete() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
            assertThat(f.attempt(m -> m.approveUrgentMeasure(f.ctx(), f.now(), f.approvedNow())))
                    .isEqualTo("cannot approve the urgent measure while the measure is in force");
        }
    }

    @Nested
    @DisplayName("The term: 30 days, one extension of at most 30, testing not counted")
    class Term {

        @Test
        @DisplayName("Extended once by 30 days; the end falling in the May Day holiday moves to the next working day")
        void extendedOnce() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-28");
            f.ok(f.m.extend(f.ctx(), 30, f.approvedNow(), "案情复杂，需调取外地供货记录", f.today()));
            assertThat(f.m.term(BUNDLED, f.today()).dueOn()).as("2 May 2025 is a holiday").isEqualTo(d("2025-05-06"));
            assertThat(f.attempt(m -> m.extend(f.ctx(), 5, f.approvedNow(), "再次延长", f.today())))
                    .isEqualTo("the measure was already extended by 30 days; the law allows one extension "
                            + "(行政强制法 art. 25, 32)");
        }

        @Test
        @DisplayName("An extension of 31 days, or without reasons, is refused")
        void extensionLimits() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-28");
            assertThat(f.attempt(m -> m.extend(f.ctx(), 31, f.approvedNow(), "复杂", f.today())))
                    .isEqualTo("an extension is 1 to 30 days (行政强制法 art. 25, 32), not 31");
            assertThat(f.attempt(m -> m.extend(f.ctx(), 10, f.approvedNow(), "", f.today()))).contains("情况复杂");
        }

        @Test
        @DisplayName("A measure whose term has run out cannot be extended")
        void expiredCannotBeExtended() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-04-03");
            assertThat(f.attempt(m -> m.extend(f.ctx(), 10, f.approvedNow(), "复杂", f.today())))
                    .isEqualTo("the term ended on 2025-04-02: an expired measure cannot be extended; release it "
                            + "(行政强制法 art. 28(4))");
        }

        @Test
        @DisplayName("Ten days of appraisal are not counted; while it runs the clock shows as stopped")
        void testingIsExcluded() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-10");
            f.ok(f.m.startTesting(f.ctx(), f.today(), "送检 (甲醇含量)", d("2025-03-25"), f.today()));
            assertThat(f.m.status(BUNDLED, d("2025-03-15"))).isEqualTo(DeadlineState.PAUSED);
            assertThat(f.attempt(m -> m.startTesting(f.ctx(), f.today(), "again", f.today(), f.today())))
                    .contains("under way since 2025-03-10");
            f.on("2025-03-20").ok(f.m.finishTesting(f.ctx(), f.today(), "甲醇超标"));
            // 30 days + 10 days of testing: Saturday 12 April, so Monday 14 April
            assertThat(f.m.term(BUNDLED, f.today()).dueOn()).isEqualTo(d("2025-04-14"));
            assertThat(f.m.excludedPeriods()).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(10));
        }

        @Test
        @DisplayName("Testing must state its planned period, and cannot be recorded as finished when none runs")
        void testingPeriodStated() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-10");
            assertThat(f.attempt(m -> m.startTesting(f.ctx(), f.today(), "送检", d("2025-03-09"), f.today())))
                    .contains("planned testing period must be stated");
            assertThat(f.attempt(m -> m.finishTesting(f.ctx(), f.today(), "x")))
                    .isEqualTo("no testing or appraisal is under way");
        }
    }

    @Nested
    @DisplayName("Ending the measure")
    class Ending {

        @Test
        @DisplayName("The goods are confiscated by the penalty decision within the term: the measure ends")
        void confiscatedByPenaltyDecision() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-28");
            f.ok(f.m.dispose(f.ctx(), f.today(), Disposal.CONFISCATED, new CaseNumber("HF-2025-001"),
                    "海市监罚〔2025〕1号"));
            assertThat(f.m.stage()).isEqualTo(MeasureStage.DISPOSED);
            assertThat(f.m.endedOn()).contains(d("2025-03-28"));
            assertThat(f.m.status(BUNDLED, d("2025-06-01"))).as("an ended measure is never overdue")
                    .isEqualTo(DeadlineState.ON_TIME);
            assertThat(f.attempt(m -> m.release(f.ctx(), f.today(), ReleaseGround.NO_LONGER_NEEDED, "x")))
                    .contains("cannot release the measure while the measure is ended by a decision");
        }

        @Test
        @DisplayName("After the term, the property can no longer be decided on; the measure is released as expired")
        void afterTheTermOnlyRelease() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-04-07");
            assertThat(f.attempt(m -> m.dispose(f.ctx(), f.today(), Disposal.CONFISCATED, new CaseNumber("HF-1"), "N")))
                    .startsWith("the term ended on 2025-04-02");
            f.ok(f.m.release(f.ctx(), f.today(), ReleaseGround.TERM_EXPIRED, "期限届满"));
            assertThat(f.m.stage()).isEqualTo(MeasureStage.RELEASED);
        }

        @Test
        @DisplayName("Releasing 'because the term expired' before it has is refused with the last day")
        void notYetExpired() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized().on("2025-03-20");
            assertThat(f.attempt(m -> m.release(f.ctx(), f.today(), ReleaseGround.TERM_EXPIRED, "x")))
                    .startsWith("the term runs until 2025-04-02");
            f.ok(f.m.release(f.ctx(), f.today(), ReleaseGround.NO_VIOLATION, "检测合格"));
        }

        @Test
        @DisplayName("Frozen funds are transferred by decision, never confiscated")
        void frozenFundsAreTransferred() {
            MeasureFixture f = new MeasureFixture("2025-03-03T10:00");
            f.opened(CoerciveMeasure.impose(f.ctx(), directory(), HAIFENG_MARKET, SEIZE_UNSAFE_FOOD_V1,
                    f.order(CoercionKind.FREEZE, List.of(CHEN, LIN), OnSiteRecord.partyAbsent("银行柜员 赵六",
                            Sm3.ofUtf8("x")), false), f.approvalAt("2025-03-03T09:00")));
            f.on("2025-03-20");
            assertThat(f.attempt(m -> m.dispose(f.ctx(), f.today(), Disposal.CONFISCATED, new CaseNumber("HF-1"), "N")))
                    .contains("transferred (划拨)");
        }

        @Test
        @DisplayName("A freezing decision is delivered within 3 working days; until then its deadline runs")
        void freezeDecisionDelivery() {
            MeasureFixture f = new MeasureFixture("2025-03-07T10:00"); // Friday
            f.opened(CoerciveMeasure.impose(f.ctx(), directory(), HAIFENG_MARKET, SEIZE_UNSAFE_FOOD_V1,
                    f.order(CoercionKind.FREEZE, List.of(CHEN, LIN), OnSiteRecord.partyAbsent("银行柜员 赵六",
                            Sm3.ofUtf8("x")), false), f.approvalAt("2025-03-07T09:00")));
            assertThat(f.m.deadlines(BUNDLED, f.today())).filteredOn(dl -> dl.rule().equals("FreezeDecisionService"))
                    .singleElement().satisfies(dl -> assertThat(dl.dueOn()).isEqualTo(d("2025-03-12")));
            assertThat(f.m.status(BUNDLED, d("2025-03-13"))).isEqualTo(DeadlineState.OVERDUE);
            f.on("2025-03-11").ok(f.m.serveDecision(f.ctx(), f.today(), "直接送达", "法定代表人"));
            assertThat(f.m.deadlines(BUNDLED, f.today())).extracting(Deadline::rule)
                    .containsExactly("CoerciveMeasureLimit");
            assertThat(f.attempt(m -> m.serveDecision(f.ctx(), f.today(), "x", "y")))
                    .isEqualTo("the decision was delivered on 2025-03-11");
        }
    }

    @Test
    @DisplayName("The measure's events chain in the full-process record and replay rebuilds it at any past moment")
    void recordAndReplay() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        CaseRecord<CoerciveMeasureEvent> record = new CaseRecord<>();
        record.appendAll(f.m.history());
        f.on("2025-03-10");
        record.appendAll(f.m.startTesting(f.ctx(), f.today(), "送检", d("2025-03-25"), f.today()).events());
        f.on("2025-03-20");
        record.appendAll(f.m.finishTesting(f.ctx(), f.today(), "超标").events());
        f.on("2025-03-28");
        record.appendAll(f.m.extend(f.ctx(), 20, f.approvedNow(), "复杂", f.today()).events());

        assertThat(record.verify().intact()).isTrue();
        CoerciveMeasure rebuilt = CoerciveMeasure.replay(record.events());
        assertThat(rebuilt.term(BUNDLED, d("2025-03-28"))).isEqualTo(f.m.term(BUNDLED, d("2025-03-28")));
        assertThat(rebuilt.version()).isEqualTo(4);
        CoerciveMeasure before = CoerciveMeasure.replayUntil(record.events(), at("2025-03-25T00:00"));
        assertThat(before.extensionDays()).isZero();
        assertThat(before.isUnderTesting()).isFalse();
        assertThat(before.excludedPeriods()).hasSize(1);
    }

    @Test
    @DisplayName("A date in the future is refused")
    void futureDay() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        LocalDate tomorrow = d("2025-03-04");
        assertThat(f.attempt(m -> m.release(f.ctx(), tomorrow, ReleaseGround.NO_VIOLATION, "x")))
                .isEqualTo("the date 2025-03-04 is in the future");
        assertThat(f.attempt(m -> m.extend(f.ctx(), 10, new HeadApproval(HEAD, f.now(), "同意"), "复杂", tomorrow)))
                .isEqualTo("the date 2025-03-04 is in the future");
    }
}
