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
    default PenaltyCase file(UUID id, LocalDate filedOn, long expectedVersion) {
        return file(id, filedOn, null, expectedVersion);
    }

    /**
     * Files the case naming a licence of the party (证照标识): the hub checks the party in 人口库 / 法人库, verifies the
     * licence and records its use (用证记录). A mismatch is a rule violation (409, {@code ConflictException}); a provincial service
     * that is down, 503 ({@code ProviderUnavailableException}) with nothing written.
     *
     * @param licenceId the licence, or {@code null} for none
     * @see #file(UUID, LocalDate, long)
     */
    PenaltyCase file(UUID id, LocalDate filedOn, String licenceId, long expectedVersion);
}
