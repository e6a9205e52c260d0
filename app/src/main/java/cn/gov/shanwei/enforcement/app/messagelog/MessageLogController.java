package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.ops.InvalidOpsRequestException;
import cn.gov.shanwei.enforcement.app.ops.OpsAudit;
import cn.gov.shanwei.enforcement.app.ops.ProviderCallsController;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops access to the message log (issue 6), for signed clients registered for {@value ProviderCallsController#SERVICE};
 * every request is written to {@code ops_audit}, since the bodies hold personal data:
 * <ul>
 *   <li>{@code GET /api/v1/ops/message-log/entries?traceId=…} or {@code ?caseNumber=…} — the entries, their digests
 *   and hashes, without bodies;</li>
 *   <li>{@code GET /api/v1/ops/message-log/entries/{seq}} — one entry with its bodies decrypted;</li>
 *   <li>{@code POST /api/v1/ops/message-log/verify} — checks the whole chain and names the first broken entry.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/ops/message-log")
public class MessageLogController {

    private static final int MAX_LIMIT = 1000;

    private final MessageLogQueries queries;
    private final MessageLogVerifier verifier;
    private final FieldCipher cipher;
    private final OpsAudit audit;

    public MessageLogController(MessageLogQueries queries, MessageLogVerifier verifier,
                                MessageLogProperties properties, OpsAudit audit) {
        this.queries = queries;
        this.verifier = verifier;
        this.cipher = MessageLogConfiguration.cipher(properties);
        this.audit = audit;
    }

    /** The entries of one trace or one case, oldest first, without bodies. */
    @GetMapping("/entries")
    public Map<String, Object> entries(@RequestParam(required = false) String traceId,
                                       @RequestParam(required = false) String caseNumber,
                                       @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ProviderCallsController.SERVICE);
        if ((traceId == null) == (caseNumber == null)) {
            throw new InvalidOpsRequestException("traceId", "give exactly one of traceId or caseNumber");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidOpsRequestException("limit", "limit must be 1 to " + MAX_LIMIT);
        }
        List<MessageLogEntry> found = traceId != null ? queries.byTrace(traceId, limit)
                : queries.byCase(caseNumber, limit);
        String target = traceId != null ? "trace " + traceId : "case " + caseNumber;
        audit.record(client.id(), "message-log.query", null, TextCut.atMost(target, 128),
                null, "listed " + found.size(), RequestIdFilter.of(request));
        return Map.of("entries", found.stream().map(entry -> view(entry, false)).toList(), "count", found.size());
    }

    /** One entry with its bodies decrypted. */
    @GetMapping("/entries/{seq}")
    public Map<String, Object> entry(@PathVariable long seq, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ProviderCallsController.SERVICE);
        MessageLogEntry entry = queries.at(seq).orElse(null);
        if (entry == null) {
            audit.record(client.id(), "message-log.read", null, "entry " + seq, null, "refused: no such entry",
                    RequestIdFilter.of(request));
            throw new MessageLogEntryNotFoundException(seq);
        }
        Map<String, Object> view;
        try {
            view = view(entry, true);
        } catch (TamperedDataException e) {
            audit.record(client.id(), "message-log.read", null, "entry " + seq, null, "refused: body altered",
                    RequestIdFilter.of(request));
            throw e;
        }
        audit.record(client.id(), "message-log.read", null, "entry " + seq, null, "read",
                RequestIdFilter.of(request));
        return view;
    }

    /** Verifies the chain from its anchor to its head. */
    @PostMapping("/verify")
    public ChainVerification verify(HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ProviderCallsController.SERVICE);
        ChainVerification result = verifier.verify();
        audit.record(client.id(), "message-log.verify", null, "entries " + result.firstSeq() + ".." + result.lastSeq(),
                null, result.intact() ? "intact: " + result.checked() + " entries"
                        : "broken at entry " + result.brokenSeq() + ": " + result.problem(),
                RequestIdFilter.of(request));
        return result;
    }

    private Map<String, Object> view(MessageLogEntry e, boolean withBodies) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", e.seq());
        view.put("loggedAt", e.loggedAt());
        view.put("requestedAt", e.requestedAt());
        view.put("answeredAt", e.answeredAt());
        view.put("provider", e.provider());
        view.put("operation", e.operation());
        view.put("callingSystem", e.callingSystem());
        view.put("caseNumber", e.caseNumber());
        view.put("traceId", e.traceId());
        view.put("fault", e.fault());
        view.put("requestDigest", e.requestDigest());
        view.put("responseDigest", e.responseDigest());
        view.put("bodiesKept", e.requestBody() != null);
        view.put("prevHash", e.prevHash());
        view.put("entryHash", e.entryHash());
        if (withBodies) {
            view.put("requestBody", cipher.decrypt(e.requestBody()));
            view.put("responseBody", cipher.decrypt(e.responseBody()));
        }
        return view;
    }

    @ExceptionHandler(InvalidOpsRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidOpsRequestException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, e.getMessage(), request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.field(), "message", e.getMessage()))), null);
    }

    @ExceptionHandler(MessageLogEntryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(MessageLogEntryNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(TamperedDataException.class)
    ResponseEntity<ProblemDetail> tampered(TamperedDataException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, "the entry's stored body was altered: "
                + e.getMessage() + "; run POST /api/v1/ops/message-log/verify", request), null);
    }
}
