package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallQueries;
import cn.gov.shanwei.enforcement.app.outbox.BrokerResync;
import cn.gov.shanwei.enforcement.app.outbox.BrokerUnavailableException;
import cn.gov.shanwei.enforcement.app.outbox.UnsettledDeliveries;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ops page (运维页面, issue 6): providers with their health and circuit breaker, the Camel routes, each durable
 * operation's backlog and dead-letter queue with replay (one or all) and discard with a reason, the latest failed
 * calls, and a chart of latency per provider from the monitoring records, drawn by ECharts; the resync with the broker
 * (ADR 0412), per operation or for all; and, for a client that holds {@value KeyRotationController#SERVICE}, the key
 * rotation's progress with a form to start a re-encryption run (ADR 0503). Server-rendered.
 *
 * <p>Authenticated exactly as the ops API (ADR 0405): a signed client registered for both {@value OpsController#DLQ_SERVICE}
 * and {@value ProviderCallsController#SERVICE} — in practice the ops console's back end, which relays the page to a
 * signed-on operator and signs the operator's form posts. The hub sets no cookie and accepts no ambient credential,
 * so a forged cross-site form post carries no valid signature and is refused (401): no CSRF token is needed. Every
 * page view and every action is written to {@code ops_audit} like the API's.
 */
@Controller
@RequestMapping(OpsConsoleController.PATH)
public class OpsConsoleController {

    /** Where the page lives; its actions are below it. */
    public static final String PATH = "/api/v1/ops/console";

    /** Latency chart window and resolution. */
    static final Duration CHART_WINDOW = Duration.ofHours(1);
    private static final int CHART_MAX_POINTS = 20_000;
    private static final int MAX_DEAD_LETTERS = 200;
    private static final int RECENT_FAILURES = 20;
    private static final List<String> BACKLOG_STATES = List.of("PENDING", "QUEUED", "ATTEMPTING", "RETRYING",
            "REJECTED");

    private final DeadLetterQueues deadLetters;
    private final OpsAudit audit;
    private final ProviderCallQueries calls;
    private final CircuitBreakerRegistry breakers;
    private final HealthContributor providerHealth;
    private final CamelContext camel;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final UnsettledDeliveries unsettled;
    private final DurableResyncController durable;
    private final KeyRotation keyRotation;

    public OpsConsoleController(DeadLetterQueues deadLetters, OpsAudit audit, ProviderCallQueries calls,
                                CircuitBreakerRegistry breakers,
                                @Qualifier("providers") HealthContributor providerHealth, CamelContext camel,
                                JdbcClient jdbc, ObjectMapper json, Clock clock, UnsettledDeliveries unsettled,
                                DurableResyncController durable, KeyRotation keyRotation) {
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.calls = calls;
        this.breakers = breakers;
        this.providerHealth = providerHealth;
        this.camel = camel;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.unsettled = unsettled;
        this.durable = durable;
        this.keyRotation = keyRotation;
    }

    /**
     * The page. {@code done} is the confirmation an action redirected with, {@code failed} what an action could not
     * do. The key rotation panel only for a client that also holds {@value KeyRotationController#SERVICE}.
     */
    @GetMapping(produces = "text/html")
    public String page(@RequestParam(required = false) String done, @RequestParam(required = false) String failed,
                       Model model, HttpServletRequest request) throws JsonProcessingException {
        HubClient client = requireOps(request);
        Instant now = clock.instant();
        List<Map<String, Object>> queues = queues();
        int deadLetterCount = queues.stream().mapToInt(q -> (Integer) q.get("deadLetters")).sum();
        model.addAttribute("generatedAt", now.truncatedTo(ChronoUnit.SECONDS).toString());
        model.addAttribute("done", done);
        model.addAttribute("failed", failed);
        model.addAttribute("operations", deadLetters.operations().stream().map(ProviderOperation::id).toList());
        model.addAttribute("defaultOlderThan", durable.defaultOlderThan().toString());
        model.addAttribute("providers", providers());
        model.addAttribute("routes", routes());
        model.addAttribute("queues", queues);
        model.addAttribute("deadLetters", asMaps(deadLetterList()));
        model.addAttribute("failures", asMaps(calls.recentFailures(RECENT_FAILURES)));
        model.addAttribute("actionPath", PATH);
        model.addAttribute("latency", json.writeValueAsString(latencyChart(now)));
        audit.record(client.id(), "console.view", null, null, null, "shown; " + deadLetterCount + " dead letters",
                RequestIdFilter.of(request));
        if (client.mayUse(KeyRotationController.SERVICE)) {
            KeyRotation.Status keys = audit.audited(client.id(), "console.key-rotation.progress", null, null, null,
                    RequestIdFilter.of(request), keyRotation::status, status -> "remaining " + status.remaining());
            model.addAttribute("keys", asMaps(List.of(keys)).get(0));
        }
        return "ops/console";
    }

    /**
     * Resyncs with the broker (ADR 0412) as {@code POST /api/v1/ops/durable/resync} does: form fields
     * {@code operation} (empty: all) and {@code olderThan} (empty: {@code hub.durable.stuck-after}). Back to the page
     * with what was checked, found in the queue or the DLQ, and sent again; or, if the broker cannot be asked, with
     * that (nothing sent).
     */
    @PostMapping(path = "/resync", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Void> resync(HttpServletRequest request) {
        HubClient client = requireOps(request);
        Map<String, String> form = form(request);
        String operation = blankToNull(form.get("operation"));
        String olderThan = blankToNull(form.get("olderThan"));
        Map<String, Object> answer;
        try {
            answer = durable.audited(client, "console.durable.resync", operation, olderThan, request,
                    () -> durable.run(operation, olderThan, null));
        } catch (BrokerUnavailableException e) {
            return backToThePage("failed", "the broker could not be asked, try again in "
                    + BrokerUnavailableException.RETRY_AFTER.toSeconds() + " s (消息代理无法询问): " + e.getMessage());
        }
        return backToThePage("done", resyncOutcome(operation, answer));
    }

    /** "resync of all (older than PT20M): op checked 3, in queue 1, in dead letters 0, re-sent 2; …". */
    static String resyncOutcome(String operation, Map<String, Object> answer) {
        StringBuilder text = new StringBuilder("resync of ").append(operation == null ? "all" : operation)
                .append(" (older than ").append(answer.get("olderThan")).append("):");
        @SuppressWarnings("unchecked")
        Map<String, BrokerResync.OperationResult> results =
                (Map<String, BrokerResync.OperationResult>) answer.get("operations");
        String separator = " ";
        for (BrokerResync.OperationResult each : results.values()) {
            text.append(separator).append(each.operation()).append(" checked ").append(each.checked())
                    .append(", in queue ").append(each.inQueue()).append(", in dead letters ")
                    .append(each.inDeadLetters()).append(", re-sent ").append(each.resent());
            if (each.changedMeanwhile() > 0) {
                text.append(", changed meanwhile ").append(each.changedMeanwhile());
            }
            separator = "; ";
        }
        if (!Boolean.TRUE.equals(answer.get("complete"))) {
            text.append("; more rows left: resync again");
        }
        return text.toString();
    }

    /** Starts a re-encryption run (ADR 0503) as {@code POST /api/v1/ops/key-rotation/run}; needs {@code ops.keys}. */
    @PostMapping(path = "/key-rotation/run", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Void> runKeyRotation(HttpServletRequest request) {
        requireOps(request);
        HubClient client = CallingClient.requireAccess(request, KeyRotationController.SERVICE);
        try {
            KeyRotation.RunState started = audit.audited(client.id(), "console.key-rotation.run", null, null, null,
                    RequestIdFilter.of(request), keyRotation::start, run -> "started");
            return backToThePage("done", "re-encryption started at " + started.startedAt());
        } catch (KeyRotation.AlreadyRunningException e) {
            return backToThePage("failed", e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Replays one dead letter (form fields {@code operation}, {@code idempotencyKey}). */
    @PostMapping(path = "/replay", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Void> replay(HttpServletRequest request) {
        HubClient client = requireOps(request);
        Map<String, String> form = form(request);
        String operation = form.get("operation");
        String key = form.get("idempotencyKey");
        audit.audited(client.id(), "console.dlq.replay", operation, key, null, RequestIdFilter.of(request), () -> {
            deadLetters.replay(deadLetters.operation(operation), key);
            return 1;
        }, n -> "replayed 1");
        return backToThePage("replayed " + key);
    }

    /** Replays every dead letter of an operation (form field {@code operation}). */
    @PostMapping(path = "/replay-all", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Void> replayAll(HttpServletRequest request) {
        HubClient client = requireOps(request);
        String operation = form(request).get("operation");
        int replayed = audit.audited(client.id(), "console.dlq.replay-all", operation, null, null,
                RequestIdFilter.of(request), () -> deadLetters.replayAll(deadLetters.operation(operation)),
                n -> "replayed " + n);
        return backToThePage("replayed " + replayed + " of " + operation);
    }

    /** Discards one dead letter for good (form fields {@code operation}, {@code idempotencyKey}, {@code reason}). */
    @PostMapping(path = "/discard", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<Void> discard(HttpServletRequest request) {
        HubClient client = requireOps(request);
        Map<String, String> form = form(request);
        String operation = form.get("operation");
        String key = form.get("idempotencyKey");
        String reason = form.get("reason");
        audit.audited(client.id(), "console.dlq.discard", operation, key, reason, RequestIdFilter.of(request), () -> {
            deadLetters.discard(deadLetters.operation(operation), key, OpsController.requireReason(reason));
            return 1;
        }, n -> "discarded");
        return backToThePage("discarded " + key);
    }

    @ExceptionHandler(DeadLetterNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DeadLetterNotFoundException e, HttpServletRequest request) {
        return OpsController.notFoundProblem(e, request);
    }

    @ExceptionHandler(InvalidOpsRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidOpsRequestException e, HttpServletRequest request) {
        return OpsController.invalidProblem(e, request);
    }

    /** Records as maps of their JSON fields (instants as ISO text), which the template reads by name. */
    private List<Map<String, Object>> asMaps(List<?> records) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object record : records) {
            maps.add(json.convertValue(record, new TypeReference<Map<String, Object>>() {
            }));
        }
        return maps;
    }

    private static HubClient requireOps(HttpServletRequest request) {
        CallingClient.requireAccess(request, ProviderCallsController.SERVICE);
        return CallingClient.requireAccess(request, OpsController.DLQ_SERVICE);
    }

    /** Post/redirect/get: the console follows the 303 and shows the page with the confirmation. */
    private static ResponseEntity<Void> backToThePage(String done) {
        return backToThePage("done", done);
    }

    /** Back to the page with {@code text} as {@code done} (a confirmation) or {@code failed}. */
    private static ResponseEntity<Void> backToThePage(String kind, String text) {
        String shown = TextCut.withEllipsis(text, 1_000);
        String location = PATH + "?" + kind + "=" + URLEncoder.encode(shown, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }

    /**
     * The form fields of an action. Read from the body the signature filter kept (the servlet's own parameter
     * parsing would find the stream already read); a repeated field is refused.
     */
    static Map<String, String> form(HttpServletRequest request) {
        String body;
        try {
            body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidOpsRequestException("form", "the form body is not valid URL encoding");
            }
            if (fields.put(name, value) != null) {
                throw new InvalidOpsRequestException(name, "the field " + name + " is given twice");
            }
        }
        return fields;
    }

    private List<Map<String, Object>> providers() {
        Map<String, Health> health = new HashMap<>();
        if (providerHealth instanceof CompositeHealthContributor composite) {
            composite.forEach(named -> {
                if (named.getContributor() instanceof HealthIndicator indicator) {
                    health.put(named.getName(), indicator.health());
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            if (!provider.isProvincial()) {
                continue;   // webhook receivers have no health probe or breaker; their queues are listed below
            }
            Map<String, Object> row = new LinkedHashMap<>();
            Health h = health.get(provider.code());
            row.put("code", provider.code());
            row.put("name", provider.chineseName());
            row.put("status", h == null ? "UNKNOWN" : h.getStatus().getCode());
            row.put("details", h == null ? "" : detailsOf(h));
            CircuitBreaker breaker = breakers.find(provider.code()).orElse(null);
            row.put("breaker", breaker == null ? "none" : breaker.getState().name());
            row.put("failureRate", breaker == null || breaker.getMetrics().getFailureRate() < 0 ? "–"
                    : String.format("%.1f %%", breaker.getMetrics().getFailureRate()));
            rows.add(row);
        }
        return rows;
    }

    private static String detailsOf(Health health) {
        StringBuilder text = new StringBuilder();
        health.getDetails().forEach((name, value) -> {
            if (!name.equals("provider") && !name.equals("circuitBreaker") && !name.equals("failureRate")) {
                text.append(text.isEmpty() ? "" : "; ").append(name).append(": ").append(value);
            }
        });
        return text.toString();
    }

    private List<Map<String, String>> routes() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            rows.add(Map.of("id", route.getRouteId(), "endpoint", route.getEndpoint().getEndpointBaseUri(),
                    "status", String.valueOf(camel.getRouteController().getRouteStatus(route.getRouteId()))));
        }
        rows.sort((a, b) -> a.get("id").compareTo(b.get("id")));
        return rows;
    }

    /** Per durable operation: the outbox backlog by state, the dead-letter count and the stuck rows (ADR 0412). */
    private List<Map<String, Object>> queues() {
        Map<String, Long> backlog = new HashMap<>();
        jdbc.sql("SELECT operation, state, COUNT(*) AS n FROM outbox_message"
                        + " WHERE state NOT IN ('DONE', 'DISCARDED') GROUP BY operation, state")
                .query(rs -> {
                    backlog.put(rs.getString("operation") + "/" + rs.getString("state"), rs.getLong("n"));
                });
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, UnsettledDeliveries.Counts> stuck = unsettled.snapshot().byOperation();
        for (ProviderOperation operation : deadLetters.operations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", operation.id());
            row.put("queue", operation.queue());
            for (String state : BACKLOG_STATES) {
                row.put(state, backlog.getOrDefault(operation.id() + "/" + state, 0L));
            }
            row.put("deadLetters", deadLetters.list(operation, MAX_DEAD_LETTERS).size());
            UnsettledDeliveries.Counts counts = stuck.get(operation.id());
            row.put("stuck", counts == null ? 0L : counts.stuck());
            rows.add(row);
        }
        return rows;
    }

    private List<DeadLetter> deadLetterList() {
        List<DeadLetter> letters = new ArrayList<>();
        for (ProviderOperation operation : deadLetters.operations()) {
            letters.addAll(deadLetters.list(operation, MAX_DEAD_LETTERS - letters.size()));
        }
        return letters;
    }

    /**
     * The latency chart's data: per provider and minute of the last hour, the median and 95th percentile of the
     * recorded calls' durations (ms), and how many there were.
     */
    Map<String, Object> latencyChart(Instant now) {
        Map<String, TreeMap<Instant, List<Long>>> byProvider = new TreeMap<>();
        for (ProviderCallQueries.Latency point : calls.latenciesSince(now.minus(CHART_WINDOW), CHART_MAX_POINTS)) {
            byProvider.computeIfAbsent(point.provider(), p -> new TreeMap<>())
                    .computeIfAbsent(point.at().truncatedTo(ChronoUnit.MINUTES), m -> new ArrayList<>())
                    .add(point.durationMs());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        byProvider.forEach((provider, minutes) -> {
            List<List<Object>> p50 = new ArrayList<>();
            List<List<Object>> p95 = new ArrayList<>();
            minutes.forEach((minute, durations) -> {
                List<Long> sorted = durations.stream().sorted().toList();
                p50.add(List.of(minute.toEpochMilli(), percentile(sorted, 50), sorted.size()));
                p95.add(List.of(minute.toEpochMilli(), percentile(sorted, 95), sorted.size()));
            });
            series.add(Map.of("provider", provider, "p50", p50, "p95", p95));
        });
        return Map.of("from", now.minus(CHART_WINDOW).toEpochMilli(), "to", now.toEpochMilli(), "series", series);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
