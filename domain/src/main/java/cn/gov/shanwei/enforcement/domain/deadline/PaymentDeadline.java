package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** A fine is paid within 15 (natural) days of service of the decision; deferral moves the day by approval. */
// 行政处罚法 art. 67 (15 days), art. 66 (deferral and instalments); 民法典 art. 201–203 (counting)
public final class PaymentDeadline {

    /** The rule: 15 natural days from service. */
    public static final DeadlineRule RULE = new DeadlineRule("PaymentDeadline", "缴纳罚款 (payment of fine)",
            "行政处罚法 art. 67", LegalPeriod.days(15));

    private PaymentDeadline() {
    }

    /** The last day to pay when the decision was served on {@code servedOn}. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate servedOn) {
        return RULE.from(calendar, servedOn);
    }

    /** The last day to pay an approved deferral or instalment due on {@code approvedDueOn}. */
    public static Deadline deferred(WorkingDayCalendar calendar, LocalDate approvedDueOn) {
        LocalDate day = calendar.workingDayOnOrAfter(approvedDueOn);
        return new Deadline(RULE.name(), "缴纳罚款 (deferred or instalment payment)", "行政处罚法 art. 66", day,
                calendar.isProvisional(day.getYear()), false);
    }
}
