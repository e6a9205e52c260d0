package cn.gov.shanwei.enforcement.supervision.indicator;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The counts of one scope in one month.
 *
 * @param level      city, county group or subject
 * @param code       the scope's code (region code, county group code or subject id)
 * @param name       the scope's name
 * @param parentCode the enclosing scope's code (a subject's county group, a county's city), {@code null} for the city
 * @param month      the month
 * @param counts     the measures
 */
public record IndicatorRow(ScopeLevel level, String code, String name, String parentCode, YearMonth month,
                           IndicatorCounts counts) {
    public IndicatorRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(counts, "counts");
    }

    /** The value of {@code indicator}, or {@code null} when there is nothing to measure. */
    public Double value(Indicator indicator) {
        return counts.value(indicator);
    }
}
