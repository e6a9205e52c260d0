package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionDeadline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.HAWKER;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("陈述申辩 period, 公告 and testing time, and withdrawing a publication (art. 44–45, 48)")
class StatementAndClockTest {

    private static Deadline decisionDeadline(CaseFixture f, String asOf) {
        return f.pc.deadlines(BUNDLED, f.rules, d(asOf)).stream()
                .filter(dl -> dl.rule().equals(DecisionDeadline.NAME)).findFirst().orElseThrow();
    }

    /** A hawker notified on Thursday 20 March 2025 of a 6,000-yuan fine, with a 5-working-day statement period. */
    private static CaseFixture notifiedWithStatementPeriod() {
        CaseFixture f = new CaseFixture("2025-03-20");
        f.rules = f.rules.withStatementPeriod(5);
        return f.lead(HAWKER).filed().evidence().notified(600_000, "一般");
    }

    @Test
    @DisplayName("With a 5-working-day statement period, a small fine waits until the party's time to state and defend ends")
    void statementPeriodIsWaitedFor() {
        CaseFixture f = notifiedWithStatementPeriod();
        assertThat(f.pc.statementPeriod(BUNDLED, f.rules)).hasValueSatisfying(dl ->
                assertThat(dl.dueOn()).isEqualTo(d("2025-03-27")));
        assertThat(f.on("2025-03-26").attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.FINE, 600_000, "一般")))
                .isEqualTo("the party may state and defend until 2025-03-27 (行政处罚法 art. 44, 45); record its "
                        + "statement as complete to decide earlier");
        f.on("2025-03-28").decided(600_000, "一般");
    }

    @Test
    @DisplayName("Once the party says its statement is complete, the decision need not wait")
    void completeStatementEndsThePeriod() {
        CaseFixture f = notifiedWithStatementPeriod();
        f.on("2025-03-21").ok(f.pc.recordStatement(f.ctx(), f.today(), "对事实无异议，请求从轻处罚", true));
        assertThat(f.pc.statementPeriod(BUNDLED, f.rules)).isEmpty();
        f.decided(500_000, "一般");
    }

    @Test
    @DisplayName("Without a configured period (the default) the decision does not wait")
    void noPeriodByDefault() {
        CaseFixture f = new CaseFixture("2025-03-20").lead(HAWKER).filed().evidence().notified(600_000, "一般");
        assertThat(f.pc.statementPeriod(BUNDLED, f.rules)).isEmpty();
        f.decided(600_000, "一般");
    }

    @Test
    @DisplayName("Twenty days of testing are not counted in the 90-day decision period, and show as a stopped clock")
    void testingIsExcludedFromTheDecisionPeriod() {
        CaseFixture f = new CaseFixture("2025-03-05").lead(SHOP).filed();
        assertThat(decisionDeadline(f, "2025-03-05").dueOn()).isEqualTo(d("2025-06-03"));
        f.on("2025-03-10").ok(f.pc.stopClock(f.ctx(), ClockStop.TESTING, f.today(), "送检: 甲醇含量"));
        assertThat(f.pc.status(BUNDLED, f.rules, d("2025-03-20"))).isEqualTo(DeadlineState.PAUSED);
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.NO_PENALTY, 0, "轻微")))
                .isEqualTo("the clock is stopped for 检测、检验、检疫、鉴定 (testing or appraisal) since 2025-03-10: record "
                        + "its end before deciding");
        f.evidence().on("2025-03-30").ok(f.pc.restartClock(f.ctx(), ClockStop.TESTING, f.today()));
        assertThat(decisionDeadline(f, "2025-03-30").dueOn()).isEqualTo(d("2025-06-23"));
        assertThat(f.pc.excludedPeriods()).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(20));
    }

    @Test
    @DisplayName("An announcement stops the decision clock but not the filing clock; testing stops both")
    void announcementOnlyAfterFiling() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP);
        assertThat(f.attempt(c -> c.stopClock(f.ctx(), ClockStop.ANNOUNCEMENT, f.today(), "公告送达")))
                .isEqualTo("before filing only testing or appraisal stops the filing period");
        f.ok(f.pc.stopClock(f.ctx(), ClockStop.TESTING, f.today(), "送检"));
        assertThat(f.pc.status(BUNDLED, f.rules, d("2025-03-28"))).as("filing clock stopped")
                .isEqualTo(DeadlineState.PAUSED);
        assertThat(f.attempt(c -> c.stopClock(f.ctx(), ClockStop.TESTING, f.today(), "again")))
                .contains("already stopped");
        assertThat(f.attempt(c -> c.restartClock(f.ctx(), ClockStop.ANNOUNCEMENT, f.today())))
                .isEqualTo("the clock is not stopped for 公告 (announcement)");
    }

    @Test
    @DisplayName("A published decision revoked on review is withdrawn within 3 working days, across the Qingming holiday")
    void withdrawalAfterRevocation() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(600_000, "一般")
                .decided(600_000, "一般").served();
        f.ok(f.pc.publishDecision(f.ctx(), f.today()));
        assertThat(f.attempt(c -> c.withdrawPublication(f.ctx(), f.today(), "x")))
                .contains("only after the decision was changed, revoked");
        f.on("2025-04-03").ok(f.pc.recordDecisionChange(f.ctx(), f.today(), DecisionChange.REVOKED,
                "汕尾市人民政府行政复议决定书 汕府复〔2025〕12号", "认定事实不清"));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).filteredOn(dl -> dl.rule()
                .equals("PublicationWithdrawalDeadline")).singleElement()
                .satisfies(dl -> assertThat(dl.dueOn()).isEqualTo(d("2025-04-09")));
        assertThat(f.pc.status(BUNDLED, f.rules, d("2025-04-10"))).isEqualTo(DeadlineState.OVERDUE);
        assertThat(f.attempt(c -> c.withdrawPublication(f.ctx(), f.today(), " "))).contains("made public");
        f.on("2025-04-08").ok(f.pc.withdrawPublication(f.ctx(), f.today(), "该决定已被行政复议决定撤销"));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).extracting(Deadline::rule)
                .doesNotContain("PublicationWithdrawalDeadline");
    }

    @Test
    @DisplayName("A decision revoked before it was published is no longer published, and nothing is left to withdraw")
    void revokedBeforePublication() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(600_000, "一般")
                .decided(600_000, "一般");
        f.ok(f.pc.recordDecisionChange(f.ctx(), f.today(), DecisionChange.REVOKED, "自行纠正", "适用法律错误"));
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).extracting(Deadline::rule)
                .doesNotContain("DecisionPublicationDeadline", "PublicationWithdrawalDeadline");
        assertThat(f.attempt(c -> c.publishDecision(f.ctx(), f.today())))
                .isEqualTo("the decision was revoked on 2025-03-03 and is not published (行政处罚法 art. 48)");
        assertThat(f.attempt(c -> c.recordDecisionChange(f.ctx(), f.today(), DecisionChange.CHANGED, "x", "y")))
                .isEqualTo("the decision was already revoked on 2025-03-03");
        List<PenaltyCaseEvent> log = f.pc.history();
        assertThat(PenaltyCase.replay(log).decisionChange()).isPresent();
    }
}
