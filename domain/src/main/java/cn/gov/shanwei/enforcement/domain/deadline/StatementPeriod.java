package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * Where there is no hearing right, the party may state and defend (陈述、申辩) within a period after the notice of the
 * intended penalty; the law sets no number, departmental rules do (e.g. 5 working days in market supervision), so
 * the length is configuration.
 */
// 行政处罚法 art. 44, 45 (right to state and defend), art. 85 (working days); period: departmental rule
public final class StatementPeriod {

    /** The policy's code name. */
    public static final String NAME = "StatementPeriod";

    private StatementPeriod() {
    }

    /** The last day the party may state and defend after a notice served on {@code noticeServedOn}. */
    public static Deadline closes(WorkingDayCalendar calendar, LocalDate noticeServedOn, int workingDays) {
        return new DeadlineRule(NAME, "当事人陈述、申辩 (statement and defence)", "行政处罚法 art. 44, 45; departmental rule",
                LegalPeriod.workingDays(workingDays)).from(calendar, noticeServedOn);
    }
}
