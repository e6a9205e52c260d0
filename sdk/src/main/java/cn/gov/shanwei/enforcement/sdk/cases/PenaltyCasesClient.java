package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Penalty cases (行政处罚案件) of the case platform, acting for one officer. Obtain it from
 * {@code hub.cases().actingFor(officerId)}; the calling system must be registered for {@code cases.staff}, and the
 * hub applies the officer's roles and jurisdiction. Thread-safe; an interface so that your tests can fake it.
 */
public interface PenaltyCasesClient {

    /** Lists the cases in the officer's jurisdiction: {@code GET /api/v1/cases/penalties}. */
    CasePage<PenaltyCaseSummary> list(PenaltyCaseQuery query);

    /** Reads one case: {@code GET /api/v1/cases/penalties/{id}}. */
    PenaltyCase get(UUID id);

    /** Registers a lead (案源登记, role OFFICER): {@code POST /api/v1/cases/penalties}. */
    default PenaltyCase registerLead(NewLead lead) {
        return registerLead(lead, RequestOptions.none());
    }

    /** Registers a lead with per-call options (idempotency key, request id). */
    PenaltyCase registerLead(NewLead lead, RequestOptions options);

    /**
     * Files the case (立案, role SUBJECT_HEAD): {@code POST /api/v1/cases/penalties/{id}/filing}.
     *
     * @param expectedVersion the {@link PenaltyCaseSummary#version()} you read; if the case changed since, the hub
     *                        answers 409 and a {@code ConflictException} is thrown
     */
    PenaltyCase file(UUID id, LocalDate filedOn, long expectedVersion);
}
