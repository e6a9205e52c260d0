package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Collection;

/**
 * 查封, 扣押 and 冻结 last at most 30 days, extendable once by at most 30 days with approval; testing,
 * inspection, quarantine and appraisal time is not counted.
 */
// 行政强制法 art. 25 (查封/扣押), art. 32 (冻结)
public final class CoerciveMeasureLimit {

    /** The policy's code name. */
    public static final String NAME = "CoerciveMeasureLimit";
    /** The longest term and the longest extension, in natural days. */
    public static final int MAX_DAYS = 30;

    private CoerciveMeasureLimit() {
    }

    /**
     * The last day of a measure imposed on {@code imposedOn}.
     *
     * @param extensionDays the approved extension, 0 to 30
     */
    public static Deadline ends(WorkingDayCalendar calendar, LocalDate imposedOn, int extensionDays,
                                Collection<ExcludedPeriod> excluded) {
        if (extensionDays < 0 || extensionDays > MAX_DAYS) {
            throw new IllegalArgumentException("an extension is at most " + MAX_DAYS + " days, got " + extensionDays);
        }
        return new DeadlineRule(NAME, "解除或处理查封、扣押、冻结 (end of coercive measure)", "行政强制法 art. 25, 32",
                LegalPeriod.days(MAX_DAYS + extensionDays)).from(calendar, imposedOn, excluded);
    }
}
