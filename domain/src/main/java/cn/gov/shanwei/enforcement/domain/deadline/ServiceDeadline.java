package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** A decision not delivered on the spot is served within 7 working days. */
// 行政处罚法 art. 61 (七日内送达), art. 85 (working days)
public final class ServiceDeadline {

    /** The rule: 7 working days from the decision. */
    public static final DeadlineRule RULE = new DeadlineRule("ServiceDeadline", "送达处罚决定书 (service of decision)",
            "行政处罚法 art. 61, 85", LegalPeriod.workingDays(7));

    private ServiceDeadline() {
    }

    /** The last day the decision made on {@code decidedOn} may be served. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate decidedOn) {
        return RULE.from(calendar, decidedOn);
    }
}
