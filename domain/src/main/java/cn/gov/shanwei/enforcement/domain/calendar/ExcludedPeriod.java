package cn.gov.shanwei.enforcement.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Time that does not count towards a period (中止, hearing, announcement, testing or appraisal). The clock
 * runs on the day it stops and restarts like a new start day: the days after {@code stoppedOn} up to and
 * including {@code resumedOn} are not counted, so the period grows by exactly {@code resumedOn - stoppedOn}
 * days of counting.
 *
 * @param reason    what stopped the clock, in an officer's words (e.g. "案件中止: 等待检测结果")
 * @param stoppedOn the day the clock stopped
 * @param resumedOn the day it restarted; the same as or after {@code stoppedOn}
 */
public record ExcludedPeriod(String reason, LocalDate stoppedOn, LocalDate resumedOn) {

    public ExcludedPeriod {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stoppedOn, "stoppedOn");
        Objects.requireNonNull(resumedOn, "resumedOn");
        if (resumedOn.isBefore(stoppedOn)) {
            throw new IllegalArgumentException("the clock cannot restart (" + resumedOn + ") before it stopped ("
                    + stoppedOn + ")");
        }
    }

    /** Whether {@code day} is a day on which the clock does not run. */
    public boolean excludes(LocalDate day) {
        return day.isAfter(stoppedOn) && !day.isAfter(resumedOn);
    }

    /** How many days of counting the period loses. */
    public long length() {
        return resumedOn.toEpochDay() - stoppedOn.toEpochDay();
    }
}
