package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * An order to rectify within a time limit (责令限期改正) runs until the day the order names; a day that is a legal
 * rest day moves to the next working day.
 */
// 行政处罚法 art. 28 (责令改正); 民法典 art. 203 (last day on a rest day)
public final class RectificationDeadline {

    /** The policy's code name. */
    public static final String NAME = "RectificationDeadline";

    private RectificationDeadline() {
    }

    /** The last day to rectify under an order that names {@code orderedDueOn}. */
    public static Deadline due(WorkingDayCalendar calendar, LocalDate orderedDueOn) {
        LocalDate day = calendar.workingDayOnOrAfter(orderedDueOn);
        return new Deadline(NAME, "限期整改 (rectification)", "责令限期改正通知书; 行政处罚法 art. 28", day,
                calendar.isProvisional(day.getYear()), false);
    }
}
