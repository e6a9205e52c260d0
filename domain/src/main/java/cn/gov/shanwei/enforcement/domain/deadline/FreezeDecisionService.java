package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** The freezing decision (冻结决定书) is delivered to the party within 3 working days of the freeze. */
// 行政强制法 art. 31 (三日内交付), art. 69 (periods of ten days or less are working days)
public final class FreezeDecisionService {

    /** The rule: 3 working days from the freeze. */
    public static final DeadlineRule RULE = new DeadlineRule("FreezeDecisionService",
            "交付冻结决定书 (delivery of the freezing decision)", "行政强制法 art. 31, 69", LegalPeriod.workingDays(3));

    private FreezeDecisionService() {
    }

    /** The last day to deliver the decision of a freeze made on {@code frozenOn}. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate frozenOn) {
        return RULE.from(calendar, frozenOn);
    }
}
