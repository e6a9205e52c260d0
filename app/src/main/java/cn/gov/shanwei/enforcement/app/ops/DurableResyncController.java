package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.outbox.BrokerResync;
import cn.gov.shanwei.enforcement.app.outbox.BrokerUnavailableException;
import cn.gov.shanwei.enforcement.app.outbox.UnsettledDeliveries;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ops API for durable work the broker lost (ADR 0412): {@code GET /api/v1/ops/durable/unsettled} tells how many
 * unsettled rows had no delivery for longer than {@code hub.durable.stuck-after}; {@code POST
 * /api/v1/ops/durable/resync} looks for their messages in the broker and sends again those it holds nowhere. Same
 * clients (service {@value OpsController#DLQ_SERVICE}) and audit as the dead-letter actions. A broker that cannot be
 * asked is 503 {@code BROKER_UNAVAILABLE} with {@code Retry-After}, nothing sent. The ops page's resync form
 * ({@link OpsConsoleController}) goes through {@link #run} too.
 */
@RestController
@RequestMapping("/api/v1/ops/durable")
public class DurableResyncController {

    private static final Logger LOG = LoggerFactory.getLogger(DurableResyncController.class);

    static final int DEFAULT_LIMIT = 2_000;
    static final int MAX_LIMIT = 10_000;
    /** How much of a caller's operation or olderThan the audit row and an error message repeat. */
    private static final int MAX_ECHO = 64;
    private static final Duration MAX_OLDER_THAN = Duration.ofDays(366);

    private final BrokerResync resync;
    private final UnsettledDeliveries unsettled;
    private final OpsAudit audit;

    public DurableResyncController(BrokerResync resync, UnsettledDeliveries unsettled, OpsAudit audit) {
        this.resync = resync;
        this.unsettled = unsettled;
        this.audit = audit;
    }

    /** Stuck rows per operation, as the gauges show them (at most 30 s old). */
    @GetMapping("/unsettled")
    public Map<String, Object> unsettled(HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, OpsController.DLQ_SERVICE);
        return audit.audited(client.id(), "durable.unsettled", null, null, null, RequestIdFilter.of(request), () -> {
            UnsettledDeliveries.Snapshot snapshot = unsettled.snapshot();
            Map<String, Object> operations = new LinkedHashMap<>();
            snapshot.byOperation().forEach((operation, counts) -> operations.put(operation,
                    Map.of("stuck", counts.stuck(), "oldestSeconds", counts.oldest().toSeconds())));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("at", snapshot.at().toString());
            answer.put("stuckAfter", snapshot.stuckAfter().toString());
            answer.put("stuck", snapshot.stuck());
            answer.put("oldestSeconds", snapshot.oldest().toSeconds());
            answer.put("operations", operations);
            return answer;
        }, answer -> "stuck " + answer.get("stuck"));
    }

    /**
     * Resyncs unsettled rows quiet for longer than {@code olderThan} (default {@code hub.durable.stuck-after}; e.g.
     * {@code 20m} or {@code PT20M}), of one operation or all, at most {@code limit} rows.
     */
    @PostMapping("/resync")
    public Map<String, Object> resync(@RequestParam(required = false) String operation,
                                      @RequestParam(required = false) String olderThan,
                                      @RequestParam(required = false) String limit, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, OpsController.DLQ_SERVICE);
        return audited(client, "durable.resync", operation, olderThan, request, () -> run(operation, olderThan, limit));
    }

    /**
     * A resync written to {@code ops_audit} as {@code action}: the operation (or none for all) and {@code olderThan}
     * as given, the outcome the answer's re-sent count and results, or the refusal.
     */
    Map<String, Object> audited(HubClient client, String action, String operation, String olderThan,
                                HttpServletRequest request, Supplier<Map<String, Object>> resyncing) {
        String target = olderThan == null ? null : "olderThan=" + TextCut.atMost(olderThan, MAX_ECHO);
        return audit.audited(client.id(), action, operation == null ? null : TextCut.atMost(operation, MAX_ECHO), target,
                null, RequestIdFilter.of(request), resyncing,
                answer -> "resent " + answer.get("resent") + " " + answer.get("operations"));
    }

    /**
     * Checks the parameters and resyncs: the answer of {@code POST /api/v1/ops/durable/resync}.
     *
     * @throws InvalidOpsRequestException  for a bad parameter
     * @throws BrokerUnavailableException if the broker cannot be asked
     */
    Map<String, Object> run(String operation, String olderThan, String limit) {
        List<ProviderOperation> operations = operations(operation);
        Duration quiet = olderThan(olderThan);
        int bounded = limit(limit);
        BrokerResync.Result result;
        try {
            result = resync.resync(operations, quiet, bounded);
        } catch (IllegalArgumentException e) {
            throw new InvalidOpsRequestException("olderThan", e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("olderThan", result.olderThan().toString());
        answer.put("operations", BrokerResync.byOperation(result));
        answer.put("resent", result.resent());
        answer.put("complete", result.complete());
        return answer;
    }

    /** What a resync looks at unless told ({@code hub.durable.stuck-after}). */
    Duration defaultOlderThan() {
        return resync.defaultOlderThan();
    }

    private List<ProviderOperation> operations(String operation) {
        if (operation == null) {
            return resync.operations();
        }
        return resync.operations().stream().filter(each -> each.id().equals(operation)).findFirst().map(List::of)
                .orElseThrow(() -> new InvalidOpsRequestException("operation", "no durable operation "
                        + TextCut.atMost(operation, MAX_ECHO) + "; known: " + resync.operations().stream()
                        .map(ProviderOperation::id).toList()));
    }

    private Duration olderThan(String olderThan) {
        if (olderThan == null) {
            return resync.defaultOlderThan();
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(olderThan.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidOpsRequestException("olderThan", "olderThan must be a duration such as 20m or PT20M");
        }
        if (parsed.compareTo(MAX_OLDER_THAN) > 0) {
            throw new InvalidOpsRequestException("olderThan", "olderThan must be at most " + MAX_OLDER_THAN);
        }
        return parsed;
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(limit.strip());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOpsRequestException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    @ExceptionHandler(InvalidOpsRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidOpsRequestException e, HttpServletRequest request) {
        return OpsController.invalidProblem(e, request);
    }

    /** 503 {@code BROKER_UNAVAILABLE} with {@code Retry-After}: the broker could not be asked, nothing was sent. */
    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e, HttpServletRequest request) {
        LOG.warn("Resync refused: {}", e.getMessage());
        ProblemDetail problem = Problems.problem(ErrorCode.BROKER_UNAVAILABLE, e.getMessage(), request);
        problem.setProperty("operation", e.operation());
        problem.setProperty("resent", e.resentBefore());
        return Problems.response(problem, BrokerUnavailableException.RETRY_AFTER);
    }
}
