package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * A published decision that is changed, revoked, or confirmed unlawful or invalid is withdrawn from publication within
 * 3 working days, with the reasons made public.
 */
// 行政处罚法 art. 48(2) (三日内撤回), art. 85 (working days)
public final class PublicationWithdrawalDeadline {

    /** The rule: 3 working days from the change. */
    public static final DeadlineRule RULE = new DeadlineRule("PublicationWithdrawalDeadline",
            "撤回行政处罚决定信息 (withdrawal of publication)", "行政处罚法 art. 48, 85", LegalPeriod.workingDays(3));

    private PublicationWithdrawalDeadline() {
    }

    /** The last day to withdraw after the decision was changed on {@code changedOn}. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate changedOn) {
        return RULE.from(calendar, changedOn);
    }
}
