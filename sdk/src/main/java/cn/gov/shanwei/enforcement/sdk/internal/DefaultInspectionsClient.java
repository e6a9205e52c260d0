package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.Inspection;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionQuery;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionStep;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionsClient;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.NewInspection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link InspectionsClient} over {@code /api/v1/cases/inspections}, acting for one officer. Thread-safe. */
final class DefaultInspectionsClient implements InspectionsClient {

    private final DefaultCasesClient.OfficerCalls calls;
    private final CaseCalls<Inspection, InspectionStep> inspections;

    DefaultInspectionsClient(DefaultCasesClient.OfficerCalls calls) {
        this.calls = calls;
        this.inspections = new CaseCalls<>(calls, CasesWire.INSPECTIONS_PATH, "cases.inspections.", "Inspection",
                CasesWire.INSPECTION_STEPS, CasesWire::toInspection);
    }

    @Override
    public CasePage<ProcedureSummary> list(InspectionQuery query) {
        return inspections.listProcedures(CasesWire.parameters(Objects.requireNonNull(query, "query")));
    }

    @Override
    public Inspection get(UUID id) {
        return inspections.get(id);
    }

    @Override
    public Inspection plan(NewInspection inspection, RequestOptions options) {
        return inspections.create("plan", "Inspection planning", inspection, options);
    }

    @Override
    public Inspection step(UUID id, InspectionStep step, long expectedVersion, RequestOptions options) {
        return inspections.step(id, step, expectedVersion, options);
    }

    @Override
    public PenaltyCase registerPenaltyCase(UUID id, long expectedVersion, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        // The operation takes no body: the inspection's recorded violation is the lead.
        return CasesWire.toCase(calls.execute(new HubCall("cases.inspections.registerPenaltyCase",
                "Penalty case registration from an inspection", "POST",
                CasesWire.itemPath(CasesWire.INSPECTIONS_PATH, id, "penalty-case"), null, options, Map.of()),
                expectedVersion));
    }
}
