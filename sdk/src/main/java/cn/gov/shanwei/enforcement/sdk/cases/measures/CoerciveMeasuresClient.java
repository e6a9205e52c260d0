package cn.gov.shanwei.enforcement.sdk.cases.measures;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import java.util.UUID;

/**
 * Coercive measures (行政强制措施: 查封、扣押、冻结, 行政强制法 art. 18–33) acting for one officer: take a measure, approve
 * or refuse an urgent one, serve, extend once, test, release, dispose. Obtain it from
 * {@code hub.cases().actingFor(officerId).measures()}; needs {@code cases.staff}. Every change names the version it
 * was made against ({@code If-Match}; a stale one is a {@code ConflictException}). Thread-safe; an interface so that
 * your tests can fake it.
 */
public interface CoerciveMeasuresClient {

    /** Lists the measures in the officer's jurisdiction: {@code GET /api/v1/cases/coercive-measures}. */
    CasePage<ProcedureSummary> list(MeasureQuery query);

    /** Reads one measure with its term and deadlines: {@code GET /api/v1/cases/coercive-measures/{id}}. */
    CoerciveMeasure get(UUID id);

    /** Takes a measure (role OFFICER with co-officers): {@code POST /api/v1/cases/coercive-measures}. */
    default CoerciveMeasure impose(NewMeasure measure) {
        return impose(measure, RequestOptions.none());
    }

    /** Takes a measure with per-call options (idempotency key, request id). */
    CoerciveMeasure impose(NewMeasure measure, RequestOptions options);

    /**
     * Applies one step: {@code POST /api/v1/cases/coercive-measures/{id}/<step>} with {@code If-Match}.
     *
     * @param expectedVersion the {@link ProcedureSummary#version()} you read
     */
    CoerciveMeasure step(UUID id, MeasureStep step, long expectedVersion, RequestOptions options);

    /** Applies one step at {@code expectedVersion}; see {@link #step(UUID, MeasureStep, long, RequestOptions)}. */
    default CoerciveMeasure step(UUID id, MeasureStep step, long expectedVersion) {
        return step(id, step, expectedVersion, RequestOptions.none());
    }

    /** Approves an urgent measure (补办批准手续, role SUBJECT_HEAD). */
    default CoerciveMeasure approveUrgent(UUID id, MeasureStep.UrgentApproval approval, long expectedVersion) {
        return step(id, approval, expectedVersion);
    }

    /** Refuses an urgent measure, releasing it (role SUBJECT_HEAD). */
    default CoerciveMeasure refuseUrgent(UUID id, MeasureStep.UrgentRefusal refusal, long expectedVersion) {
        return step(id, refusal, expectedVersion);
    }

    /** Serves the decision and list (role OFFICER). */
    default CoerciveMeasure serve(UUID id, MeasureStep.Service service, long expectedVersion) {
        return step(id, service, expectedVersion);
    }

    /** Serves the release decision (解除决定书) once it is sealed (role OFFICER); 409 NOT_SEALED before. */
    default CoerciveMeasure serveRelease(UUID id, MeasureStep.ReleaseService service, long expectedVersion) {
        return step(id, service, expectedVersion);
    }

    /** Extends the measure once by at most 30 days (role SUBJECT_HEAD). */
    default CoerciveMeasure extend(UUID id, MeasureStep.Extension extension, long expectedVersion) {
        return step(id, extension, expectedVersion);
    }

    /** Starts testing or appraisal (role OFFICER). */
    default CoerciveMeasure startTesting(UUID id, MeasureStep.Testing testing, long expectedVersion) {
        return step(id, testing, expectedVersion);
    }

    /** Records the end of testing or appraisal (role OFFICER). */
    default CoerciveMeasure recordTestingResult(UUID id, MeasureStep.TestingResult result, long expectedVersion) {
        return step(id, result, expectedVersion);
    }

    /** Releases the measure (解除, role SUBJECT_HEAD). */
    default CoerciveMeasure release(UUID id, MeasureStep.Release release, long expectedVersion) {
        return step(id, release, expectedVersion);
    }

    /** Records the decision on the property (处理决定, role OFFICER). */
    default CoerciveMeasure dispose(UUID id, MeasureStep.DisposalDecision decision, long expectedVersion) {
        return step(id, decision, expectedVersion);
    }
}
