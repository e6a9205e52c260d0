package cn.gov.shanwei.enforcement.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day of a period (the period runs until 24:00 of that day, 民法典 art. 203).
 *
 * @param lastDay     the last day on which the act is still in time
 * @param provisional true when the count crossed a year whose holiday notice is not yet known, so weekends
 *                    alone were assumed and the day may move once the notice is loaded
 */
public record PeriodEnd(LocalDate lastDay, boolean provisional) {
    public PeriodEnd {
        Objects.requireNonNull(lastDay, "lastDay");
    }
}
