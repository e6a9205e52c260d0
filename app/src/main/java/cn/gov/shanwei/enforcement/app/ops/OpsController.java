package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ops API for durable side effects (issue 6): dead-letter queues with their last error, one message in full,
 * replay one or all, discard with a reason. Signed clients registered for service {@value #DLQ_SERVICE} only;
 * every action, refused ones included, is written to {@code ops_audit}.
 */
@RestController
@RequestMapping("/api/v1/ops/dead-letters")
public class OpsController {

    /** The service id a client needs in {@code hub.clients.<id>.services}. */
    public static final String DLQ_SERVICE = "ops.dlq";

    private static final int MAX_LIST = 500;
    private static final int MAX_REASON = 500;

    private final DeadLetterQueues deadLetters;
    private final OpsAudit audit;

    public OpsController(DeadLetterQueues deadLetters, OpsAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /** Dead letters of every durable operation, or of one ({@code ?operation=licence.usage-record}). */
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String operation,
                                    @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, DLQ_SERVICE);
        int bounded = Math.max(1, Math.min(limit, MAX_LIST));
        return audited(request, client, "dlq.list", operation, null, null, () -> {
            List<ProviderOperation> operations = operation == null ? deadLetters.operations()
                    : List.of(deadLetters.operation(operation));
            List<DeadLetter> letters = new ArrayList<>();
            for (ProviderOperation each : operations) {
                letters.addAll(deadLetters.list(each, bounded - letters.size()));
            }
            return Map.of("deadLetters", letters, "count", letters.size());
        }, result -> "listed " + result.get("count"));
    }

    /** One dead letter with its payload and message properties. */
    @GetMapping("/{operation}/{idempotencyKey}")
    public DeadLetter inspect(@PathVariable String operation, @PathVariable String idempotencyKey,
                              HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, DLQ_SERVICE);
        return audited(request, client, "dlq.inspect", operation, idempotencyKey, null,
                () -> deadLetters.inspect(deadLetters.operation(operation), idempotencyKey), result -> "shown");
    }

    /** Sends one dead letter back to its queue. */
    @PostMapping("/{operation}/{idempotencyKey}/replay")
    public Map<String, Object> replay(@PathVariable String operation, @PathVariable String idempotencyKey,
                                      HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, DLQ_SERVICE);
        return audited(request, client, "dlq.replay", operation, idempotencyKey, null, () -> {
            deadLetters.replay(deadLetters.operation(operation), idempotencyKey);
            return Map.<String, Object>of("replayed", 1);
        }, result -> "replayed 1");
    }

    /** Sends every dead letter of an operation back to its queue. */
    @PostMapping("/{operation}/replay")
    public Map<String, Object> replayAll(@PathVariable String operation, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, DLQ_SERVICE);
        return audited(request, client, "dlq.replay-all", operation, null, null,
                () -> Map.<String, Object>of("replayed", deadLetters.replayAll(deadLetters.operation(operation))),
                result -> "replayed " + result.get("replayed"));
    }

    /** Body of a discard: why the effect will never be sent (kept in the audit and on the outbox row). */
    public record DiscardBody(String reason) {
    }

    /** Removes a dead letter for good, with a reason. */
    @PostMapping("/{operation}/{idempotencyKey}/discard")
    public Map<String, Object> discard(@PathVariable String operation, @PathVariable String idempotencyKey,
                                       @RequestBody(required = false) DiscardBody body, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, DLQ_SERVICE);
        String reason = body == null ? null : body.reason();
        return audited(request, client, "dlq.discard", operation, idempotencyKey, reason, () -> {
            deadLetters.discard(deadLetters.operation(operation), idempotencyKey, requireReason(reason));
            return Map.<String, Object>of("discarded", 1);
        }, result -> "discarded");
    }

    /**
     * @return the reason of a discard, stripped
     * @throws InvalidOpsRequestException if it is missing, blank or longer than {@value #MAX_REASON} characters
     */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new InvalidOpsRequestException("reason", "a discard needs a reason of 1 to " + MAX_REASON
                    + " characters");
        }
        return reason.strip();
    }

    @ExceptionHandler(DeadLetterNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DeadLetterNotFoundException e, HttpServletRequest request) {
        return notFoundProblem(e, request);
    }

    /** 404 problem, shared by the ops controllers. */
    static ResponseEntity<ProblemDetail> notFoundProblem(DeadLetterNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(InvalidOpsRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidOpsRequestException e, HttpServletRequest request) {
        return invalidProblem(e, request);
    }

    /** 400 problem naming the field, shared by the ops controllers. */
    static ResponseEntity<ProblemDetail> invalidProblem(InvalidOpsRequestException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, e.getMessage(), request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.field(), "message", e.getMessage()))), null);
    }

    private <T> T audited(HttpServletRequest request, HubClient client, String action, String operation,
                          String target, String reason, Supplier<T> work,
                          java.util.function.Function<T, String> outcome) {
        return audit.audited(client.id(), action, operation, target, reason, RequestIdFilter.of(request), work,
                outcome);
    }
}
