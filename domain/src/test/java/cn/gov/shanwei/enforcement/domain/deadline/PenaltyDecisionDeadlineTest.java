package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("作出行政处罚决定期限 (行政处罚法 art. 60)")
class PenaltyDecisionDeadlineTest {

    private final DecisionDeadline policy = new DecisionDeadline(ProcedureRuleTable.standard());
    private static final EnforcementDomain MARKET = EnforcementDomain.MARKET_SUPERVISION;

    @Test
    @DisplayName("立案 on 1 July 2025: the decision is due on 29 September, day 90")
    void decisionIsDueOnDay90() {
        Deadline deadline = policy.due(BUNDLED, MARKET, d("2025-07-01"), false, List.of());

        assertThat(deadline.dueOn()).isEqualTo(d("2025-09-29"));
        assertThat(deadline.rule()).isEqualTo("DecisionDeadline");
        assertThat(deadline.article()).contains("行政处罚法 art. 60");
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    @DisplayName("Without an extension the case is overdue on day 91, due soon in the last three days, on time before")
    void decisionIsOverdueOnDay91WhenNoExtension() {
        Deadline deadline = policy.due(BUNDLED, MARKET, d("2025-07-01"), false, List.of());

        assertThat(deadline.stateOn(d("2025-09-30"))).isEqualTo(DeadlineState.OVERDUE);
        assertThat(deadline.stateOn(d("2025-09-29"))).isEqualTo(DeadlineState.DUE_SOON);
        assertThat(deadline.stateOn(d("2025-09-26"))).isEqualTo(DeadlineState.DUE_SOON);
        assertThat(deadline.stateOn(d("2025-09-25"))).isEqualTo(DeadlineState.ON_TIME);
    }

    @Test
    @DisplayName("With the approved 30-day extension the decision is due on 29 October 2025")
    void extensionAddsThirtyDays() {
        assertThat(policy.due(BUNDLED, MARKET, d("2025-07-01"), true, List.of()).dueOn()).isEqualTo(d("2025-10-29"));
        assertThat(policy.extensionAllowed(MARKET)).isTrue();
    }

    @Test
    @DisplayName("Day 90 falling in 清明 2026 moves the deadline to 7 April 2026")
    void day90OnQingmingMoves() {
        assertThat(policy.due(BUNDLED, MARKET, d("2026-01-05"), false, List.of()).dueOn()).isEqualTo(d("2026-04-07"));
    }

    @Test
    @DisplayName("Ten days of 中止 and two of testing are not counted: due on the 调休 Saturday 11 Oct 2025")
    void excludedTimeIsNotCounted() {
        List<ExcludedPeriod> excluded = List.of(
                new ExcludedPeriod("中止", d("2025-08-01"), d("2025-08-11")),
                new ExcludedPeriod("检测", d("2025-09-01"), d("2025-09-03")));

        assertThat(policy.due(BUNDLED, MARKET, d("2025-07-01"), false, excluded).dueOn()).isEqualTo(d("2025-10-11"));
    }

    @Test
    @DisplayName("A department with its own rule (e.g. 60 days, no extension) is configured, not coded")
    void departmentalRuleFromTable() {
        EnforcementDomain transport = EnforcementDomain.TRANSPORT;
        ProcedureRuleTable table = new ProcedureRuleTable(
                Map.of(transport, new ProcedureRules(7, 0, "交通运输行政执法程序规定", 60, 0, "交通运输行政执法程序规定")),
                ProcedureRules.GENERAL);
        DecisionDeadline local = new DecisionDeadline(table);

        Deadline deadline = local.due(BUNDLED, transport, d("2025-07-01"), false, List.of());

        assertThat(deadline.dueOn()).isEqualTo(d("2025-09-01")); // 30 Aug is a Saturday
        assertThat(deadline.article()).isEqualTo("交通运输行政执法程序规定");
        assertThat(local.extensionAllowed(transport)).isFalse();
        assertThat(local.due(BUNDLED, MARKET, d("2025-07-01"), false, List.of()).dueOn()).isEqualTo(d("2025-09-29"));
    }

    @Test
    @DisplayName("A paused deadline reads as paused until its day passes")
    void pausedDeadline() {
        Deadline paused = policy.due(BUNDLED, MARKET, d("2025-07-01"), false, List.of()).asPaused();

        assertThat(paused.stateOn(d("2025-09-29"))).isEqualTo(DeadlineState.PAUSED);
        assertThat(paused.stateOn(d("2025-09-30"))).isEqualTo(DeadlineState.OVERDUE);
        assertThat(paused.describe()).contains("clock stopped").contains("2025-09-29");
    }
}
