package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * The party must be told of the hearing's time and place 7 working days before it: the seven working days
 * after the notice day must all pass before the hearing day.
 */
// 行政处罚法 art. 64(2) (七日前通知), art. 85 (working days)
public final class HearingNoticeLead {

    /** The rule: 7 working days' notice. */
    public static final DeadlineRule RULE = new DeadlineRule("HearingNoticeLead", "送达听证通知 (hearing notice)",
            "行政处罚法 art. 64, 85", LegalPeriod.workingDays(7));

    private HearingNoticeLead() {
    }

    /** The first day a hearing may be held when the notice is served on {@code noticeServedOn}. */
    public static LocalDate earliestHearingDay(WorkingDayCalendar calendar, LocalDate noticeServedOn) {
        return RULE.from(calendar, noticeServedOn).dueOn().plusDays(1);
    }

    /** Whether a notice served on {@code noticeServedOn} gives enough lead for a hearing on {@code hearingDay}. */
    public static boolean isSufficient(WorkingDayCalendar calendar, LocalDate noticeServedOn, LocalDate hearingDay) {
        return !hearingDay.isBefore(earliestHearingDay(calendar, noticeServedOn));
    }

    /** The last day the notice may be served for a hearing on {@code hearingDay}. */
    public static Deadline latestNotice(WorkingDayCalendar calendar, LocalDate hearingDay) {
        LocalDate notice = hearingDay.minusDays(1);
        while (!isSufficient(calendar, notice, hearingDay)) {
            notice = notice.minusDays(1);
        }
        Deadline forward = RULE.from(calendar, notice);
        return new Deadline(RULE.name(), RULE.label(), RULE.article(), notice, forward.provisional(), false);
    }
}
