package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A coercive measure taken on the spot in an urgent case is reported to the subject's head within 24 hours, and the
 * approval is completed afterwards; otherwise the measure is released. The 24 hours are clock hours from the moment
 * the measure was taken, not a period in days: no working-day or rest-day rule applies (ADR 0105).
 */
// 行政强制法 art. 19
public final class UrgentMeasureReport {

    /** The policy's code name. */
    public static final String NAME = "UrgentMeasureReport";
    /** How long the officers have to report to the head. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private UrgentMeasureReport() {
    }

    /** The last instant the report to the head is in time. */
    public static Instant latestReport(Instant imposedAt) {
        return imposedAt.plus(WINDOW);
    }

    /** Whether a report made at {@code reportedAt} is in time for a measure taken at {@code imposedAt}. */
    public static boolean isInTime(Instant imposedAt, Instant reportedAt) {
        return !reportedAt.isBefore(imposedAt) && !reportedAt.isAfter(latestReport(imposedAt));
    }

    /**
     * The report as a day-granular deadline for supervision lists: due on the day (China time) the 24 hours end.
     * Commands check the exact instant with {@link #isInTime}.
     */
    public static Deadline due(WorkingDayCalendar calendar, Instant imposedAt) {
        LocalDate day = LocalDate.ofInstant(latestReport(imposedAt), CHINA);
        return new Deadline(NAME, "紧急情况当场实施后二十四小时内报告并补办批准 (report of urgent measure)",
                "行政强制法 art. 19", day, calendar.isProvisional(day.getYear()), false);
    }
}
