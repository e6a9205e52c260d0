package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorQuery;
import cn.gov.shanwei.enforcement.sdk.supervision.ScopeLevel;

import java.time.LocalDate;
import java.util.List;

/** Paths and query parameters of the supervision reads; the answers are the public records themselves. */
final class SupervisionWire {

    static final String PATH = "/api/v1/supervision";
    static final String CASES_PATH = PATH + "/cases";
    static final String ALERTS_PATH = PATH + "/alerts";
    static final String INDICATORS_PATH = PATH + "/indicators";
    static final String OFFICERS_PATH = PATH + "/workforce/officers";
    static final String SUBJECTS_PATH = PATH + "/workforce/subjects";
    static final String MEASURES_PATH = PATH + "/measures";
    /** The query parameters of an indicator read, in the order sent. */
    static final List<String> INDICATOR_PARAMETERS = List.of("from", "to", "level", "parent", "totals", "asOf");

    private SupervisionWire() {
    }

    /** {@code path?asOf=…}, or {@code path} for today. */
    static String asOf(String path, LocalDate asOf) {
        return new QueryString(path).add("asOf", asOf).toString();
    }

    static String indicatorsPath(IndicatorQuery q) {
        ScopeLevel level = q.level();
        return new QueryString(INDICATORS_PATH).add("from", q.from()).add("to", q.to()).add("level", level)
                .add("parent", q.parent()).add("totals", q.totals() ? Boolean.TRUE : null).add("asOf", q.asOf())
                .toString();
    }
}
