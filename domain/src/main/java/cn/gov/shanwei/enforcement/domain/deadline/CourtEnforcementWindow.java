package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An authority without its own enforcement power applies to the people's court within three months after the
 * periods for review and litigation have run out, and only once a written reminder (催告) has been served and
 * ten working days have passed without performance.
 *
 * @param opensOn the first day an application may be filed
 * @param closes  the last day (with rule and article)
 */
// 行政强制法 art. 53 (three months), art. 54 (催告, 10 days), art. 69 (working days); 行政诉讼法 art. 46 (6 months)
public record CourtEnforcementWindow(LocalDate opensOn, Deadline closes) {

    /** Period to apply for administrative review (行政复议法 art. 20: 60 days). */
    public static final LegalPeriod REVIEW_PERIOD = LegalPeriod.days(60);
    /** Period to sue (行政诉讼法 art. 46: 6 months). */
    public static final LegalPeriod LITIGATION_PERIOD = LegalPeriod.months(6);
    /** Reminder period (行政强制法 art. 54: 10 days, working days by art. 69). */
    public static final LegalPeriod REMINDER_PERIOD = LegalPeriod.workingDays(10);

    public CourtEnforcementWindow {
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(closes, "closes");
    }

    /**
     * @param decisionServedOn the day the party learnt of the decision (review and litigation periods start)
     * @param reminderServedOn the day the 催告书 was served
     */
    public static CourtEnforcementWindow of(WorkingDayCalendar calendar, LocalDate decisionServedOn,
                                            LocalDate reminderServedOn) {
        LocalDate review = calendar.endOf(decisionServedOn, REVIEW_PERIOD).lastDay();
        LocalDate litigation = calendar.endOf(decisionServedOn, LITIGATION_PERIOD).lastDay();
        LocalDate remedyEnds = review.isAfter(litigation) ? review : litigation;
        LocalDate reminderEnds = calendar.endOf(reminderServedOn, REMINDER_PERIOD).lastDay();
        LocalDate opens = (remedyEnds.isAfter(reminderEnds) ? remedyEnds : reminderEnds).plusDays(1);
        Deadline closes = new DeadlineRule("CourtEnforcementWindow", "申请人民法院强制执行 (court enforcement)",
                "行政强制法 art. 53", LegalPeriod.months(3)).from(calendar, remedyEnds);
        return new CourtEnforcementWindow(opens, closes);
    }

    /** Whether an application filed on {@code day} is inside the window. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && closes.isMetBy(day);
    }
}
