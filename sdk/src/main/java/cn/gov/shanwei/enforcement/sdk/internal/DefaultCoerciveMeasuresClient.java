package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasuresClient;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureQuery;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureStep;
import cn.gov.shanwei.enforcement.sdk.cases.measures.NewMeasure;
import java.util.Objects;
import java.util.UUID;

/** {@link CoerciveMeasuresClient} over {@code /api/v1/cases/coercive-measures}, acting for one officer. Thread-safe. */
final class DefaultCoerciveMeasuresClient implements CoerciveMeasuresClient {

    private final CaseCalls<CoerciveMeasure, MeasureStep> measures;

    DefaultCoerciveMeasuresClient(DefaultCasesClient.OfficerCalls calls) {
        this.measures = new CaseCalls<>(calls, CasesWire.MEASURES_PATH, "cases.measures.", "Coercive measure",
                CasesWire.MEASURE_STEPS, CasesWire::toMeasure);
    }

    @Override
    public CasePage<ProcedureSummary> list(MeasureQuery query) {
        return measures.listProcedures(CasesWire.parameters(Objects.requireNonNull(query, "query")));
    }

    @Override
    public CoerciveMeasure get(UUID id) {
        return measures.get(id);
    }

    @Override
    public CoerciveMeasure impose(NewMeasure measure, RequestOptions options) {
        return measures.create("impose", "Coercive measure", measure, options);
    }

    @Override
    public CoerciveMeasure step(UUID id, MeasureStep step, long expectedVersion, RequestOptions options) {
        return measures.step(id, step, expectedVersion, options);
    }
}
