package cn.gov.shanwei.enforcement.sdk.supervision;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scope's month (or months, when summed) of supervision indicators (docs/indicators.md).
 *
 * @param level      the scope's level
 * @param code       the scope: region code or subject id
 * @param name       its name
 * @param parentCode the scope above it, or {@code null} for the city
 * @param month      the month (the last month when summed)
 * @param measures   the counts the indicators are computed from, by measure name (e.g. {@code FILED})
 * @param indicators the indicators by name (e.g. {@code PUBLICATION_TIMELINESS}); a value is {@code null} when
 *                   there was nothing to measure
 */
public record IndicatorRow(ScopeLevel level, String code, String name, String parentCode, YearMonth month,
                           Map<String, Long> measures, Map<String, BigDecimal> indicators) {

    /** Copies the maps, keeping their order; {@code null} is empty. */
    public IndicatorRow {
        measures = measures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        indicators = indicators == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }
}
