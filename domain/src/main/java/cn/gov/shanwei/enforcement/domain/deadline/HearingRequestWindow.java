package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** A party may request a hearing within 5 working days of being told of the right. */
// 行政处罚法 art. 64(1) (5 days), art. 85 (working days)
public final class HearingRequestWindow {

    /** The rule: 5 working days from the notice of intended penalty. */
    public static final DeadlineRule RULE = new DeadlineRule("HearingRequestWindow", "当事人要求听证 (hearing request)",
            "行政处罚法 art. 64, 85", LegalPeriod.workingDays(5));

    private HearingRequestWindow() {
    }

    /** The last day a hearing may be requested, counted from the day the notice was served. */
    public static Deadline closes(WorkingDayCalendar calendar, LocalDate noticeServedOn) {
        return RULE.from(calendar, noticeServedOn);
    }
}
