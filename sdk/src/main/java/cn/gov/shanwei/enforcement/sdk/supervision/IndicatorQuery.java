package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Which indicators to read: the months {@code from}–{@code to} (at most 36), optionally one level of the drill-down
 * ({@code level}, {@code parent}), optionally summed over the months ({@code totals}), judged on {@code asOf}.
 * Immutable: each {@code with…} returns a copy.
 *
 * @param from   the first month
 * @param to     the last month
 * @param level  only rows of this level, or {@code null} for every level
 * @param parent only rows under this scope code, or {@code null}
 * @param totals whether to sum the months (one row per scope)
 * @param asOf   the day the figures are judged on, or {@code null} for today
 */
public record IndicatorQuery(YearMonth from, YearMonth to, ScopeLevel level, String parent, boolean totals,
                             LocalDate asOf) {

    /** Requires both months, {@code from} not after {@code to}. */
    public IndicatorQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }

    /** Every level, per month, from {@code from} to {@code to}. */
    public static IndicatorQuery months(YearMonth from, YearMonth to) {
        return new IndicatorQuery(from, to, null, null, false, null);
    }

    /** Only rows of {@code level} under the scope {@code parent} ({@code null}: under any). */
    public IndicatorQuery withLevel(ScopeLevel level, String parent) {
        return new IndicatorQuery(from, to, level, parent, totals, asOf);
    }

    /** The months summed: one row per scope. */
    public IndicatorQuery withTotals() {
        return new IndicatorQuery(from, to, level, parent, true, asOf);
    }

    /** Judged on {@code asOf} instead of today. */
    public IndicatorQuery withAsOf(LocalDate asOf) {
        return new IndicatorQuery(from, to, level, parent, totals, asOf);
    }
}
