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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/** {@link PenaltyCasesClient} over {@code /api/v1/cases/penalties}, acting for one officer. Thread-safe. */
final class DefaultPenaltyCasesClient implements PenaltyCasesClient {

    private static final String PATH = CasesWire.PENALTIES_PATH;
    private static final Pattern EVIDENCE_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    /** The longest wait the hub grants one status request by default ({@code hub.api.wait.longest}). */
    private static final long LONGEST_WAIT_SECONDS = 20;
    /** The pause after an unchanged answer the hub did not hold (it had too many waiting requests). */
    private static final Duration PAUSE_WHEN_NOT_HELD = Duration.ofMillis(500);

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
    public DecisionDocument awaitDecisionDocument(UUID id, String knownState, Duration wait) {
        Objects.requireNonNull(id, "id");
        return awaitChange(knownState, wait, DecisionDocument::state, query -> CasesWire.toDecisionDocument(
                calls.execute(HubCall.get("cases.penalties.awaitDecisionDocument", "Decision document wait",
                        CasesWire.withQuery(CasesWire.itemPath(PATH, id, "decision-document", "status"), query),
                        RequestOptions.none()))));
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

    @Override
    public FinePaymentNotice awaitPaymentNotice(UUID id, String knownState, Duration wait) {
        Objects.requireNonNull(id, "id");
        return awaitChange(knownState, wait, FinePaymentNotice::state, query -> CasesWire.toPaymentNotice(
                calls.execute(HubCall.get("cases.penalties.awaitPaymentNotice", "Payment notice wait",
                        CasesWire.withQuery(CasesWire.itemPath(PATH, id, "payment-notice"), query),
                        RequestOptions.none()))));
    }

    /**
     * Asks with {@code waitWhile=knownState&waitSeconds=n} until the answer's state is another one or {@code wait}
     * has passed; each request waits a second less than the per-attempt timeout, and at most the hub's 20 s. An
     * unchanged answer that came back before its wait was up (the hub had as many waiting requests as it allows) is
     * followed by a short pause, so a busy hub is not asked in a tight loop. An interrupt ends the wait with the last
     * answer, the thread's interrupt flag set.
     */
    private <T> T awaitChange(String knownState, Duration wait, Function<T, String> stateOf,
                              Function<Map<String, Object>, T> ask) {
        Objects.requireNonNull(knownState, "knownState");
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative: " + wait);
        }
        long perRequest = Math.max(0, Math.min(LONGEST_WAIT_SECONDS,
                calls.transport().perAttemptTimeout().minusSeconds(1).toSeconds()));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long asked = System.nanoTime();
            long seconds = Math.max(0, Math.min(perRequest, TimeUnit.NANOSECONDS.toSeconds(deadline - asked)));
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("waitWhile", knownState);
            query.put("waitSeconds", seconds);
            T answer = ask.apply(query);
            long left = deadline - System.nanoTime();
            if (!knownState.equals(stateOf.apply(answer)) || left <= 0) {
                return answer;
            }
            long held = System.nanoTime() - asked;
            if (held < TimeUnit.SECONDS.toNanos(seconds) || seconds == 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, PAUSE_WHEN_NOT_HELD.toNanos()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return answer;
                }
            }
        }
    }
}
