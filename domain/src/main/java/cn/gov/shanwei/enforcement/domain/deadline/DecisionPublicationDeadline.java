package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** A penalty decision is published (双公示) within 7 working days of being made. */
// 双公示 rule (信用信息公示, 7 working days); 行政处罚法 art. 48 (publication of decisions)
public final class DecisionPublicationDeadline {

    /** The rule: 7 working days from the decision. */
    public static final DeadlineRule RULE = new DeadlineRule("DecisionPublicationDeadline",
            "公示行政处罚决定 (双公示 publication)", "双公示 7-working-day rule; 行政处罚法 art. 48",
            LegalPeriod.workingDays(7));

    private DecisionPublicationDeadline() {
    }

    /** The last day to publish the decision made on {@code decidedOn}. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate decidedOn) {
        return RULE.from(calendar, decidedOn);
    }
}
