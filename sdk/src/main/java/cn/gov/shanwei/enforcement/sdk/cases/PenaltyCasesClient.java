package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Penalty cases (行政处罚案件) of the case platform, acting for one officer. Obtain it from
 * {@code hub.cases().actingFor(officerId).penalties()}; the calling system must be registered for
 * {@code cases.staff}, and the hub applies the officer's roles and jurisdiction (a case of another jurisdiction is
 * {@code AccessDeniedException}). Thread-safe; an interface so that your tests can fake it.
 *
 * <p>Every change names the version it was made against ({@code expectedVersion}, sent as {@code If-Match}): if the
 * case changed since, the hub refuses with 409 ({@code ConflictException}, conflict {@code CONCURRENT_EDIT}) and
 * nothing is written. Every state-changing call carries an idempotency key, generated unless set in
 * {@link RequestOptions}, the same on every retry.
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
     * Imposes a warning or a fine on the spot (当场处罚, role OFFICER with a co-officer):
     * {@code POST /api/v1/cases/penalties/on-the-spot}. The case opens decided and served.
     */
    default PenaltyCase imposeOnTheSpot(OnTheSpotPenalty penalty) {
        return imposeOnTheSpot(penalty, RequestOptions.none());
    }

    /** Imposes an on-the-spot penalty with per-call options. */
    PenaltyCase imposeOnTheSpot(OnTheSpotPenalty penalty, RequestOptions options);

    /**
     * Applies one step to the case: {@code POST /api/v1/cases/penalties/{id}/<step>} with {@code If-Match}.
     *
     * @param expectedVersion the {@link PenaltyCaseSummary#version()} you read
     * @return the case after the step, with its new version
     */
    PenaltyCase step(UUID id, PenaltyStep step, long expectedVersion, RequestOptions options);

    /** Applies one step to the case at {@code expectedVersion}; see {@link #step(UUID, PenaltyStep, long, RequestOptions)}. */
    default PenaltyCase step(UUID id, PenaltyStep step, long expectedVersion) {
        return step(id, step, expectedVersion, RequestOptions.none());
    }

    /**
     * Applies one step to the case as it is now, without {@code If-Match}: for facts your system records whatever
     * happened to the case meanwhile (a payment received, say). The hub re-checks every rule on the current state,
     * and runs the step again if it lost a race against the hub's own background writers.
     */
    PenaltyCase stepOnCurrentVersion(UUID id, PenaltyStep step, RequestOptions options);

    /**
     * Uploads evidence (role OFFICER, with co-officers of the same subject) as
     * {@code multipart/form-data}: {@code POST /api/v1/cases/penalties/{id}/evidence}. The answer lists the evidence
     * with the SM3 digest the hub computed.
     */
    PenaltyCase uploadEvidence(UUID id, EvidenceUpload evidence, long expectedVersion, RequestOptions options);

    /** Uploads evidence at {@code expectedVersion}; see {@link #uploadEvidence(UUID, EvidenceUpload, long, RequestOptions)}. */
    default PenaltyCase uploadEvidence(UUID id, EvidenceUpload evidence, long expectedVersion) {
        return uploadEvidence(id, evidence, expectedVersion, RequestOptions.none());
    }

    /**
     * Downloads an evidence file as received: {@code GET /api/v1/cases/penalties/{id}/evidence/{evidenceId}/file};
     * {@link FileDownload#sm3()} is the digest recorded on arrival.
     */
    FileDownload downloadEvidence(UUID id, String evidenceId);

    /**
     * Downloads the case file (卷宗, ZIP: the record with its SM3 chain, evidence files, manifest; check it offline
     * with {@code verify-casefile}): {@code GET /api/v1/cases/penalties/{id}/casefile}.
     */
    FileDownload downloadCaseFile(UUID id);

    /**
     * Where the decision document (行政处罚决定书) stands and its seal verification report:
     * {@code GET /api/v1/cases/penalties/{id}/decision-document/status}. {@code NotFoundException} before a
     * decision.
     */
    DecisionDocument getDecisionDocument(UUID id);

    /**
     * Waits until the decision document's state is no longer {@code knownState} (for example {@code PENDING} while
     * the seal is on its way), or until {@code wait} has passed: the hub holds each request until the state changes
     * ({@code waitWhile}/{@code waitSeconds}, ADR 0523), so this makes a request every few seconds at most, never a
     * poll loop. Each request waits a second less than the client's per-attempt timeout, and at most 20 s.
     *
     * @return the document as it stands: in another state, or still in {@code knownState} when {@code wait} ran out
     */
    DecisionDocument awaitDecisionDocument(UUID id, String knownState, Duration wait);

    /**
     * Downloads the sealed and verified decision document (OFD, {@code application/ofd}):
     * {@code GET /api/v1/cases/penalties/{id}/decision-document}. {@code ConflictException} (conflict
     * {@code NOT_SEALED}) while it is not sealed.
     */
    FileDownload downloadDecisionDocument(UUID id);

    /**
     * The payment notice (缴款书) issued for the served fine: {@code GET /api/v1/cases/penalties/{id}/payment-notice}.
     * {@code NotFoundException} when there is none (no served decision with a fine).
     */
    FinePaymentNotice getPaymentNotice(UUID id);

    /**
     * Waits until the payment notice's state is no longer {@code knownState} ({@code PENDING} until the province
     * issued it, {@code ISSUED} until the payment arrived), or until {@code wait} has passed; as
     * {@link #awaitDecisionDocument}.
     *
     * @return the notice as it stands: in another state, or still in {@code knownState} when {@code wait} ran out
     */
    FinePaymentNotice awaitPaymentNotice(UUID id, String knownState, Duration wait);

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
    default PenaltyCase file(UUID id, LocalDate filedOn, String licenceId, long expectedVersion) {
        return step(id, new PenaltyStep.Filing(filedOn, licenceId), expectedVersion);
    }

    /** 不予立案 (role SUBJECT_HEAD). */
    default PenaltyCase decline(UUID id, PenaltyStep.Declination declination, long expectedVersion) {
        return step(id, declination, expectedVersion);
    }

    /** Extends the filing or decision period once (role SUBJECT_HEAD). */
    default PenaltyCase extend(UUID id, PenaltyStep.Extension extension, long expectedVersion) {
        return step(id, extension, expectedVersion);
    }

    /** Marks the case major: legal review becomes mandatory (role SUBJECT_HEAD). */
    default PenaltyCase markMajor(UUID id, PenaltyStep.MajorMarking marking, long expectedVersion) {
        return step(id, marking, expectedVersion);
    }

    /** 事先告知 of the intended penalty and the party's rights (role OFFICER). */
    default PenaltyCase notifyIntendedPenalty(UUID id, PenaltyStep.IntendedPenaltyNotice notice,
                                              long expectedVersion) {
        return step(id, notice, expectedVersion);
    }

    /** Records the party's hearing request (role OFFICER). */
    default PenaltyCase recordHearingRequest(UUID id, PenaltyStep.HearingRequest request, long expectedVersion) {
        return step(id, request, expectedVersion);
    }

    /** Serves the hearing notice, 7 working days ahead (role OFFICER). */
    default PenaltyCase serveHearingNotice(UUID id, PenaltyStep.HearingNotice notice, long expectedVersion) {
        return step(id, notice, expectedVersion);
    }

    /** Records the hearing (role OFFICER). */
    default PenaltyCase recordHearing(UUID id, PenaltyStep.Hearing hearing, long expectedVersion) {
        return step(id, hearing, expectedVersion);
    }

    /** Records the legal review (法制审核, role LEGAL_REVIEWER). */
    default PenaltyCase recordLegalReview(UUID id, PenaltyStep.LegalReview review, long expectedVersion) {
        return step(id, review, expectedVersion);
    }

    /** Records the collective discussion (集体讨论, role SUBJECT_HEAD). */
    default PenaltyCase recordCollectiveDiscussion(UUID id, PenaltyStep.CollectiveDiscussion discussion,
                                                   long expectedVersion) {
        return step(id, discussion, expectedVersion);
    }

    /** Decides (行政处罚决定, role SUBJECT_HEAD); the hub then has the decision document sealed. */
    default PenaltyCase decide(UUID id, PenaltyStep.Decision decision, long expectedVersion) {
        return step(id, decision, expectedVersion);
    }

    /** Records service of the sealed decision (送达, role OFFICER). */
    default PenaltyCase serveDecision(UUID id, PenaltyStep.Service service, long expectedVersion) {
        return step(id, service, expectedVersion);
    }

    /** Records the publication of the decision (双公示, role OFFICER). */
    default PenaltyCase recordPublication(UUID id, PenaltyStep.Publication publication, long expectedVersion) {
        return step(id, publication, expectedVersion);
    }

    /** Records a change or revocation of the decision (role SUBJECT_HEAD). */
    default PenaltyCase recordDecisionChange(UUID id, PenaltyStep.ChangeOfDecision change, long expectedVersion) {
        return step(id, change, expectedVersion);
    }

    /** Approves deferral or instalments (role SUBJECT_HEAD). */
    default PenaltyCase approvePaymentPlan(UUID id, PenaltyStep.PaymentPlan plan, long expectedVersion) {
        return step(id, plan, expectedVersion);
    }

    /** Records a payment (role OFFICER); the hub computes the surcharge due (加处罚款). */
    default PenaltyCase recordPayment(UUID id, PenaltyStep.Payment payment, long expectedVersion) {
        return step(id, payment, expectedVersion);
    }

    /** Applies to the court for enforcement (role SUBJECT_HEAD). */
    default PenaltyCase applyForCourtEnforcement(UUID id, PenaltyStep.CourtEnforcement application,
                                                 long expectedVersion) {
        return step(id, application, expectedVersion);
    }

    /** Suspends the case (中止, role SUBJECT_HEAD). */
    default PenaltyCase suspend(UUID id, PenaltyStep.Suspension suspension, long expectedVersion) {
        return step(id, suspension, expectedVersion);
    }

    /** Resumes a suspended case (role SUBJECT_HEAD). */
    default PenaltyCase resume(UUID id, PenaltyStep.Resumption resumption, long expectedVersion) {
        return step(id, resumption, expectedVersion);
    }

    /** Closes the case (结案, role OFFICER). */
    default PenaltyCase closeCase(UUID id, PenaltyStep.Closure closure, long expectedVersion) {
        return step(id, closure, expectedVersion);
    }

    /** Archives the case (归档, role OFFICER). */
    default PenaltyCase archive(UUID id, PenaltyStep.Archive archive, long expectedVersion) {
        return step(id, archive, expectedVersion);
    }
}
