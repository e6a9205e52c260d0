package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.DecisionDocument;
import cn.gov.shanwei.enforcement.sdk.cases.EvidenceUpload;
import cn.gov.shanwei.enforcement.sdk.cases.FileDownload;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.OnTheSpotPenalty;
import cn.gov.shanwei.enforcement.sdk.cases.FinePaymentNotice;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyStep;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@link PenaltyCasesClient} over {@code /api/v1/cases/penalties}, acting for one officer. Thread-safe. */
final class DefaultPenaltyCasesClient implements PenaltyCasesClient {

    private static final String PATH = CasesWire.PENALTIES_PATH;
    private static final Pattern EVIDENCE_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final DefaultCasesClient.OfficerCalls calls;
    private final CaseCalls<PenaltyCase, PenaltyStep> cases;

    DefaultPenaltyCasesClient(DefaultCasesClient.OfficerCalls calls) {
        this.calls = calls;
        this.cases = new CaseCalls<>(calls, PATH, "cases.penalties.", "Penalty case", CasesWire.PENALTY_STEPS,
                CasesWire::toCase);
    }

    @Override
    public CasePage<PenaltyCaseSummary> list(PenaltyCaseQuery query) {
        Objects.requireNonNull(query, "query");
        return CasesWire.toPage(calls.execute(HubCall.get("cases.penalties.list", "Penalty case list",
                CasesWire.listPath(query), RequestOptions.none())));
    }

    @Override
    public PenaltyCase get(UUID id) {
        return cases.get(id);
    }

    @Override
    public PenaltyCase registerLead(NewLead lead, RequestOptions options) {
        return cases.create("registerLead", "Lead registration", CasesWire.LeadBody.of(
                Objects.requireNonNull(lead, "lead")), options);
    }

    @Override
    public PenaltyCase imposeOnTheSpot(OnTheSpotPenalty penalty, RequestOptions options) {
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(options, "options");
        return CasesWire.toCase(calls.execute(HubCall.post("cases.penalties.imposeOnTheSpot",
                "On-the-spot penalty", CasesWire.ON_THE_SPOT_PATH, Json.write(penalty), options)));
    }

    @Override
    public PenaltyCase step(UUID id, PenaltyStep step, long expectedVersion, RequestOptions options) {
        return cases.step(id, step, expectedVersion, options);
    }

    @Override
    public PenaltyCase stepOnCurrentVersion(UUID id, PenaltyStep step, RequestOptions options) {
        return cases.stepOnCurrentVersion(id, step, options);
    }

    @Override
    public PenaltyCase uploadEvidence(UUID id, EvidenceUpload evidence, long expectedVersion,
                                      RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(options, "options");
        CasesWire.Form form = CasesWire.Form.of(evidence);
        return CasesWire.toCase(calls.execute(HubCall.post("cases.penalties.uploadEvidence", "Evidence upload",
                CasesWire.itemPath(PATH, id, CasesWire.EVIDENCE_SEGMENT), form.body(), options)
                .withHeader("Content-Type", form.contentType()), expectedVersion));
    }

    @Override
    public FileDownload downloadEvidence(UUID id, String evidenceId) {
        Objects.requireNonNull(id, "id");
        if (evidenceId == null || !EVIDENCE_ID.matcher(evidenceId).matches()) {
            throw ValidationException.clientSide(List.of(new FieldError("evidenceId",
                    "must be 1-64 letters, digits, '_' or '-'")));
        }
        return CasesWire.toDownload(calls.download(HubCall.get("cases.penalties.downloadEvidence",
                "Evidence download", CasesWire.itemPath(PATH, id, CasesWire.EVIDENCE_SEGMENT, evidenceId, "file"),
                RequestOptions.none())), evidenceId);
    }

    @Override
    public FileDownload downloadCaseFile(UUID id) {
        Objects.requireNonNull(id, "id");
        return CasesWire.toDownload(calls.download(HubCall.get("cases.penalties.downloadCaseFile",
                "Case file export", CasesWire.itemPath(PATH, id, "casefile"), RequestOptions.none())),
                "casefile-" + id + ".zip");
    }

    @Override
    public DecisionDocument getDecisionDocument(UUID id) {
        Objects.requireNonNull(id, "id");
        return CasesWire.toDecisionDocument(calls.execute(HubCall.get("cases.penalties.getDecisionDocument",
                "Decision document read", CasesWire.itemPath(PATH, id, "decision-document", "status"),
                RequestOptions.none())));
    }

    @Override
    public FileDownload downloadDecisionDocument(UUID id) {
        Objects.requireNonNull(id, "id");
        return CasesWire.toDownload(calls.download(HubCall.get("cases.penalties.downloadDecisionDocument",
                "Decision document download", CasesWire.itemPath(PATH, id, "decision-document"),
                RequestOptions.none())), "decision-" + id + ".ofd");
    }

    @Override
    public FinePaymentNotice getPaymentNotice(UUID id) {
        Objects.requireNonNull(id, "id");
        return CasesWire.toPaymentNotice(calls.execute(HubCall.get("cases.penalties.getPaymentNotice",
                "Payment notice read", CasesWire.itemPath(PATH, id, "payment-notice"), RequestOptions.none())));
    }
}
