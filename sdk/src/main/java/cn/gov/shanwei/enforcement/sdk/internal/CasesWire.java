package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.DecisionDocument;
import cn.gov.shanwei.enforcement.sdk.cases.EvidenceUpload;
import cn.gov.shanwei.enforcement.sdk.cases.FileDownload;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.FinePaymentNotice;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyStep;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.Inspection;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionQuery;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionStep;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureQuery;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureStep;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths, JSON shapes, query parameters, the evidence form and the downloads of the case platform's operations. */
final class CasesWire {

    static final String PENALTIES_PATH = "/api/v1/cases/penalties";
    static final String ON_THE_SPOT_PATH = PENALTIES_PATH + "/on-the-spot";
    static final String MEASURES_PATH = "/api/v1/cases/coercive-measures";
    static final String INSPECTIONS_PATH = "/api/v1/cases/inspections";
    static final String EVIDENCE_SEGMENT = "evidence";

    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*([^']*)'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private CasesWire() {
    }

    /**
     * Where a step goes and how listeners and error messages name it.
     *
     * @param segment     the path segment after the id, for example {@code decision}
     * @param operationId the listener's operation id, for example {@code cases.penalties.decide}
     * @param operation   the name in error messages, for example {@code Penalty decision}
     */
    record StepRoute(String segment, String operationId, String operation) {
    }

    /** Every penalty step, in the order of the lifecycle. */
    static final Map<Class<? extends PenaltyStep>, StepRoute> PENALTY_STEPS = routes("cases.penalties.",
            PenaltyStep.Filing.class, "filing", "file", "Case filing",
            PenaltyStep.Declination.class, "declination", "decline", "Declination to file",
            PenaltyStep.Extension.class, "extensions", "extend", "Period extension",
            PenaltyStep.MajorMarking.class, "major", "markMajor", "Major case marking",
            PenaltyStep.IntendedPenaltyNotice.class, "notices", "notifyIntendedPenalty", "Intended penalty notice",
            PenaltyStep.HearingRequest.class, "hearing-requests", "recordHearingRequest", "Hearing request",
            PenaltyStep.HearingNotice.class, "hearing-notices", "serveHearingNotice", "Hearing notice",
            PenaltyStep.Hearing.class, "hearings", "recordHearing", "Hearing record",
            PenaltyStep.LegalReview.class, "legal-reviews", "recordLegalReview", "Legal review",
            PenaltyStep.CollectiveDiscussion.class, "collective-discussions", "recordCollectiveDiscussion",
            "Collective discussion",
            PenaltyStep.Decision.class, "decision", "decide", "Penalty decision",
            PenaltyStep.Service.class, "service", "serveDecision", "Decision service",
            PenaltyStep.Publication.class, "publication", "recordPublication", "Decision publication",
            PenaltyStep.ChangeOfDecision.class, "decision-changes", "recordDecisionChange", "Decision change",
            PenaltyStep.PaymentPlan.class, "payment-plan", "approvePaymentPlan", "Payment plan",
            PenaltyStep.Payment.class, "payments", "recordPayment", "Payment record",
            PenaltyStep.CourtEnforcement.class, "court-enforcement", "applyForCourtEnforcement",
            "Court enforcement application",
            PenaltyStep.Suspension.class, "suspension", "suspend", "Case suspension",
            PenaltyStep.Resumption.class, "resumption", "resume", "Case resumption",
            PenaltyStep.Closure.class, "closure", "closeCase", "Case closure",
            PenaltyStep.Archive.class, "archive", "archive", "Case archiving");

    /** Every coercive-measure step. */
    static final Map<Class<? extends MeasureStep>, StepRoute> MEASURE_STEPS = routes("cases.measures.",
            MeasureStep.UrgentApproval.class, "urgent-approval", "approveUrgent", "Urgent measure approval",
            MeasureStep.UrgentRefusal.class, "urgent-refusal", "refuseUrgent", "Urgent measure refusal",
            MeasureStep.Service.class, "service", "serve", "Measure service",
            MeasureStep.Extension.class, "extension", "extend", "Measure extension",
            MeasureStep.Testing.class, "testing", "startTesting", "Testing start",
            MeasureStep.TestingResult.class, "testing-result", "recordTestingResult", "Testing result",
            MeasureStep.Release.class, "release", "release", "Measure release",
            MeasureStep.ReleaseService.class, "release-service", "serveRelease", "Release decision service",
            MeasureStep.DisposalDecision.class, "disposal", "dispose", "Disposal decision");

    /** Every inspection step. */
    static final Map<Class<? extends InspectionStep>, StepRoute> INSPECTION_STEPS = routes("cases.inspections.",
            InspectionStep.Approval.class, "approval", "approve", "Inspection approval",
            InspectionStep.OnSite.class, "on-site", "recordOnSite", "On-site inspection record",
            InspectionStep.Cancellation.class, "cancellation", "cancel", "Inspection cancellation",
            InspectionStep.Result.class, "result", "recordResult", "Inspection result",
            InspectionStep.FollowUpCheck.class, "follow-up-check", "recordFollowUpCheck", "Follow-up check");

    @SuppressWarnings("unchecked")
    private static <S> Map<Class<? extends S>, StepRoute> routes(String idPrefix, Object... table) {
        Map<Class<? extends S>, StepRoute> routes = new LinkedHashMap<>();
        for (int i = 0; i < table.length; i += 4) {
            routes.put((Class<? extends S>) table[i], new StepRoute((String) table[i + 1],
                    idPrefix + table[i + 2], (String) table[i + 3]));
        }
        return java.util.Collections.unmodifiableMap(routes);
    }

    /** The route of {@code step}; every permitted step has one (checked by the SDK's tests). */
    static <S> StepRoute route(Map<Class<? extends S>, StepRoute> routes, S step) {
        StepRoute route = routes.get(step.getClass());
        if (route == null) {
            throw new IllegalStateException("no route for " + step.getClass().getName());
        }
        return route;
    }

    record LeadBody(String matterCode, PartyBody party, String placeCode, LocalDate discoveredOn, String facts) {
        static LeadBody of(NewLead lead) {
            return new LeadBody(lead.matterCode(), new PartyBody(lead.party().kind(), lead.party().name(),
                    lead.party().idNumber()), lead.placeCode(), lead.discoveredOn(), lead.facts());
        }
    }

    record PartyBody(PartyKind kind, String name, String idNumber) {
    }

    record PageBody(List<PenaltyCaseSummary> items, Integer page, Integer size, Long total,
                    Boolean totalIsLowerBound, Boolean incomplete) {
    }

    record ProcedurePageBody(List<ProcedureSummary> items, Integer page, Integer size, Long total,
                             Boolean totalIsLowerBound, Boolean incomplete) {
    }

    /** The decision document's state as the hub answers it. */
    record DecisionDocumentBody(String documentId, String decisionNumber, String state, String sealId,
                                String unsealedSm3, String sealedSm3, SealWire.VerificationBody report,
                                String problem, Instant createdAt, Instant sealedAt) {
    }

    /** The query parameters the SDK sends, in order, with their values; {@code null} values are left out. */
    static Map<String, Object> parameters(PenaltyCaseQuery q) {
        return query(q.sort(), q.descending(), q.page(), q.size(), "stage", q.stage(), "matterCode", q.matterCode(),
                "partyName", q.partyName(), "subjectId", q.subjectId(), "discoveredFrom", q.discoveredFrom(),
                "discoveredTo", q.discoveredTo(), "partyId", q.partyId());
    }

    /** The query parameters of a measure list. */
    static Map<String, Object> parameters(MeasureQuery q) {
        return query(q.sort(), q.descending(), q.page(), q.size(), "stage", q.stage(), "kind", q.kind(),
                "matterCode", q.matterCode(), "partyName", q.partyName(), "takenFrom", q.takenFrom(),
                "takenTo", q.takenTo(), "partyId", q.partyId());
    }

    /** The query parameters of an inspection list. */
    static Map<String, Object> parameters(InspectionQuery q) {
        return query(q.sort(), q.descending(), q.page(), q.size(), "stage", q.stage(), "origin", q.origin(),
                "itemCode", q.itemCode(), "entityName", q.entityName(), "plannedFrom", q.plannedFrom(),
                "plannedTo", q.plannedTo(), "partyId", q.partyId());
    }

    // The filters (name, value pairs) in order, then the hub's common order and paging parameters.
    private static Map<String, Object> query(String sort, boolean descending, int page, int size, Object... filters) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < filters.length; i += 2) {
            parameters.put((String) filters[i], filters[i + 1]);
        }
        parameters.put("sort", sort);
        parameters.put("direction", descending ? "DESC" : "ASC");
        parameters.put("page", page);
        parameters.put("size", size);
        return parameters;
    }

    static String listPath(PenaltyCaseQuery query) {
        StringJoiner joined = new StringJoiner("&", PENALTIES_PATH + "?", "");
        parameters(query).forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    /** {@code base} with the parameters as its query. */
    static String withQuery(String base, Map<String, Object> parameters) {
        QueryString query = new QueryString(base);
        parameters.forEach(query::add);
        return query.toString();
    }

    /** The path of one item: {@code base/id}, then the segments. */
    static String itemPath(String base, UUID id, String... segments) {
        StringBuilder path = new StringBuilder(base).append('/').append(id);
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        return path.toString();
    }

    static CasePage<PenaltyCaseSummary> toPage(HubResponse response) {
        PageBody body = Json.read(response, PageBody.class);
        return page(response, body.items(), body.page(), body.size(), body.total(), body.totalIsLowerBound(),
                body.incomplete(), PenaltyCaseSummary::id);
    }

    static CasePage<ProcedureSummary> toProcedurePage(HubResponse response) {
        ProcedurePageBody body = Json.read(response, ProcedurePageBody.class);
        return page(response, body.items(), body.page(), body.size(), body.total(), body.totalIsLowerBound(),
                body.incomplete(), ProcedureSummary::id);
    }

    private static <T> CasePage<T> page(HubResponse response, List<T> items, Integer page, Integer size, Long total,
                                        Boolean totalIsLowerBound, Boolean incomplete,
                                        java.util.function.Function<T, UUID> id) {
        if (items == null || page == null || size == null || total == null
                || items.stream().anyMatch(item -> item == null || id.apply(item) == null)) {
            throw Json.unexpected(response, "a page without items, page, size or total", null);
        }
        // Absent from hubs before ADR 0517, whose totals are all exact, and before ADR 0530, which had no partyId.
        return new CasePage<>(items, page, size, total, Boolean.TRUE.equals(totalIsLowerBound),
                Boolean.TRUE.equals(incomplete));
    }

    static PenaltyCase toCase(HubResponse response) {
        PenaltyCase body = Json.read(response, PenaltyCase.class);
        if (body.summary() == null || body.summary().id() == null || body.summary().stage() == null) {
            throw Json.unexpected(response, "a case without summary, id or stage", null);
        }
        return body;
    }

    static CoerciveMeasure toMeasure(HubResponse response) {
        CoerciveMeasure body = Json.read(response, CoerciveMeasure.class);
        requireProcedure(response, body.summary(), body.particulars());
        return body;
    }

    static Inspection toInspection(HubResponse response) {
        Inspection body = Json.read(response, Inspection.class);
        requireProcedure(response, body.summary(), body.particulars());
        return body;
    }

    private static void requireProcedure(HubResponse response, ProcedureSummary summary, Object particulars) {
        if (summary == null || summary.id() == null || summary.stage() == null || particulars == null) {
            throw Json.unexpected(response, "an answer without summary, id, stage or particulars", null);
        }
    }

    static DecisionDocument toDecisionDocument(HubResponse response) {
        DecisionDocumentBody body = Json.read(response, DecisionDocumentBody.class);
        if (body.documentId() == null || body.state() == null || body.createdAt() == null) {
            throw Json.unexpected(response, "a decision document without documentId, state or createdAt", null);
        }
        return new DecisionDocument(body.documentId(), body.decisionNumber(), body.state(),
                Optional.ofNullable(body.sealId()), body.unsealedSm3(), Optional.ofNullable(body.sealedSm3()),
                Optional.ofNullable(body.report()).map(report -> SealWire.toVerification(response, report)),
                Optional.ofNullable(body.problem()), body.createdAt(), Optional.ofNullable(body.sealedAt()));
    }

    static FinePaymentNotice toPaymentNotice(HubResponse response) {
        FinePaymentNotice body = Json.read(response, FinePaymentNotice.class);
        if (body.requestNo() == null || body.state() == null || body.dueOn() == null) {
            throw Json.unexpected(response, "a payment notice without requestNo, state or dueOn", null);
        }
        return body;
    }

    /**
     * The evidence form as {@code multipart/form-data}: the fields {@code description}, {@code collectedAt},
     * {@code where}, {@code coOfficerIds} (repeated) and the part {@code file}.
     *
     * @param contentType the {@code Content-Type} header, with the boundary
     * @param body        the bytes to send (and to sign)
     */
    record Form(String contentType, byte[] body) {

        /** The names of the form's fields (the file part aside), for the contract test. */
        static final List<String> FIELDS = List.of("description", "collectedAt", "where", "coOfficerIds");

        static Form of(EvidenceUpload evidence) {
            String boundary = "hub-sdk-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream(evidence.length() + 1024);
            field(out, boundary, "description", evidence.description());
            field(out, boundary, "collectedAt", evidence.collectedAt().toString());
            field(out, boundary, "where", evidence.where());
            evidence.coOfficerIds().forEach(id -> field(out, boundary, "coOfficerIds", id));
            text(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + evidence.fileName() + "\"\r\nContent-Type: " + evidence.mediaType() + "\r\n\r\n");
            out.writeBytes(evidence.content());
            text(out, "\r\n--" + boundary + "--\r\n");
            return new Form("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
            text(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n");
        }

        private static void text(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A download from a streamed answer: name from {@code Content-Disposition}, digest from {@code X-Content-SM3}. */
    static FileDownload toDownload(HubStream stream, String fallbackName) {
        HttpHeaders headers = stream.headers();
        return FileDownload.of(stream.body(), fileName(headers.firstValue("Content-Disposition").orElse(null),
                        fallbackName), headers.firstValue("Content-Type").orElse("application/octet-stream"),
                headers.firstValueAsLong("Content-Length").orElse(-1), headers.firstValue("X-Content-SM3").orElse(null),
                stream.requestId());
    }

    /** The file name of a {@code Content-Disposition} value: {@code filename*} (RFC 6266) first, then {@code filename}. */
    static String fileName(String contentDisposition, String fallback) {
        if (contentDisposition == null) {
            return fallback;
        }
        Matcher extended = FILENAME_STAR.matcher(contentDisposition);
        if (extended.find()) {
            try {
                String charset = extended.group(1).isBlank() ? "UTF-8" : extended.group(1);
                return URLDecoder.decode(extended.group(2).replace("+", "%2B"), charset);
            } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
                return fallback;
            }
        }
        Matcher plain = FILENAME.matcher(contentDisposition);
        return plain.find() && !plain.group(1).isBlank() ? plain.group(1) : fallback;
    }
}
