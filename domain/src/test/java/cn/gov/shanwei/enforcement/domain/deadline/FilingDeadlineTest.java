package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("立案期限 (市场监督管理行政处罚程序规定 art. 18)")
class FilingDeadlineTest {

    private final FilingDeadline policy = new FilingDeadline(ProcedureRuleTable.standard());

    @Test
    @DisplayName("A lead found on 20 Jan 2025 must be decided by 14 Feb 2025: 15 working days around 春节 and two 调休 days")
    void filingAcrossSpringFestival2025() {
        Deadline deadline = policy.due(BUNDLED, EnforcementDomain.MARKET_SUPERVISION, d("2025-01-20"), false, List.of());

        assertThat(deadline.dueOn()).isEqualTo(d("2025-02-14"));
        assertThat(deadline.article()).contains("art. 18");
    }

    @Test
    @DisplayName("With the 15-working-day extension the filing decision is due on 7 March 2025")
    void filingExtended() {
        assertThat(policy.due(BUNDLED, EnforcementDomain.MARKET_SUPERVISION, d("2025-01-20"), true, List.of()).dueOn())
                .isEqualTo(d("2025-03-07"));
    }
}
