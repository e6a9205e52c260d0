package cn.gov.shanwei.enforcement.supervision.indicator;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indicators for a period: one row per scope (city, county group, subject) and month, every month of the period
 * present even when nothing happened.
 *
 * @param from the first month
 * @param to   the last month
 * @param rows the rows, city first, then counties, then subjects, each by code and month
 */
public record IndicatorTable(YearMonth from, YearMonth to, List<IndicatorRow> rows) {

    public IndicatorTable {
        rows = List.copyOf(rows);
    }

    /** The rows of one level. */
    public List<IndicatorRow> rows(ScopeLevel level) {
        return rows.stream().filter(r -> r.level() == level).toList();
    }

    /** The rows whose parent is {@code parentCode} (a drill-down step). */
    public List<IndicatorRow> children(String parentCode) {
        return rows.stream().filter(r -> parentCode.equals(r.parentCode())).toList();
    }

    /** The row of one scope and month, if the scope is in the table. */
    public Optional<IndicatorRow> row(ScopeLevel level, String code, YearMonth month) {
        return rows.stream().filter(r -> r.level() == level && r.code().equals(code) && r.month().equals(month))
                .findFirst();
    }

    /** One row per scope of {@code rows} with the counts summed over the months (the month is {@link #to}). */
    public List<IndicatorRow> totalsOver(List<IndicatorRow> rows) {
        Map<String, IndicatorRow> totals = new LinkedHashMap<>();
        for (IndicatorRow r : rows) {
            totals.merge(r.level() + "|" + r.code(), new IndicatorRow(r.level(), r.code(), r.name(), r.parentCode(),
                    to, r.counts()), (a, b) -> new IndicatorRow(a.level(), a.code(), a.name(), a.parentCode(), to,
                    a.counts().plus(b.counts())));
        }
        return totals.values().stream().sorted(Comparator.comparing(IndicatorRow::level)
                .thenComparing(IndicatorRow::code)).toList();
    }
}
