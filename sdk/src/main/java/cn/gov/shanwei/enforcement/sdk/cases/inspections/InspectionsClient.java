package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import java.util.UUID;

/**
 * Inspections (行政检查, 国办发〔2024〕54号) acting for one officer: plan a targeted inspection, approve, carry out,
 * record the result and the follow-up check, and register the penalty case its violation leads to. Obtain it from
 * {@code hub.cases().actingFor(officerId).inspections()}; needs {@code cases.staff}. Every change names the version
 * it was made against ({@code If-Match}; a stale one is a {@code ConflictException}). Thread-safe; an interface so
 * that your tests can fake it.
 */
public interface InspectionsClient {

    /** Lists the inspections in the officer's jurisdiction: {@code GET /api/v1/cases/inspections}. */
    CasePage<ProcedureSummary> list(InspectionQuery query);

    /** Reads one inspection with its deadlines: {@code GET /api/v1/cases/inspections/{id}}. */
    Inspection get(UUID id);

    /** Plans a targeted inspection (role OFFICER): {@code POST /api/v1/cases/inspections}. */
    default Inspection plan(NewInspection inspection) {
        return plan(inspection, RequestOptions.none());
    }

    /** Plans a targeted inspection with per-call options (idempotency key, request id). */
    Inspection plan(NewInspection inspection, RequestOptions options);

    /**
     * Applies one step: {@code POST /api/v1/cases/inspections/{id}/<step>} with {@code If-Match}.
     *
     * @param expectedVersion the {@link ProcedureSummary#version()} you read
     */
    Inspection step(UUID id, InspectionStep step, long expectedVersion, RequestOptions options);

    /** Applies one step at {@code expectedVersion}; see {@link #step(UUID, InspectionStep, long, RequestOptions)}. */
    default Inspection step(UUID id, InspectionStep step, long expectedVersion) {
        return step(id, step, expectedVersion, RequestOptions.none());
    }

    /** Approves the inspection (role SUBJECT_HEAD). */
    default Inspection approve(UUID id, InspectionStep.Approval approval, long expectedVersion) {
        return step(id, approval, expectedVersion);
    }

    /** Records the inspection carried out on site (role OFFICER). */
    default Inspection recordOnSite(UUID id, InspectionStep.OnSite onSite, long expectedVersion) {
        return step(id, onSite, expectedVersion);
    }

    /** Calls off a planned inspection (role SUBJECT_HEAD). */
    default Inspection cancel(UUID id, InspectionStep.Cancellation cancellation, long expectedVersion) {
        return step(id, cancellation, expectedVersion);
    }

    /** Records the result (role OFFICER). */
    default Inspection recordResult(UUID id, InspectionStep.Result result, long expectedVersion) {
        return step(id, result, expectedVersion);
    }

    /** Records the follow-up check of a rectification (复查, role OFFICER). */
    default Inspection recordFollowUpCheck(UUID id, InspectionStep.FollowUpCheck check, long expectedVersion) {
        return step(id, check, expectedVersion);
    }

    /**
     * Registers the penalty case (案源) for the violation found (role OFFICER; once per inspection):
     * {@code POST /api/v1/cases/inspections/{id}/penalty-case}.
     *
     * @return the new penalty case; its id is also the inspection's {@code followUpCaseId}
     */
    PenaltyCase registerPenaltyCase(UUID id, long expectedVersion, RequestOptions options);

    /** Registers the penalty case at {@code expectedVersion}; see {@link #registerPenaltyCase(UUID, long, RequestOptions)}. */
    default PenaltyCase registerPenaltyCase(UUID id, long expectedVersion) {
        return registerPenaltyCase(id, expectedVersion, RequestOptions.none());
    }
}
