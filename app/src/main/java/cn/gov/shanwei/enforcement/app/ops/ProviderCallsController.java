package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallQueries;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallView;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Monitoring records of provincial calls for ops (issue 6): by case ({@code ?caseNumber=}) or by provider
 * ({@code ?provider=licence&since=2026-11-01T00:00:00Z}), newest first. Signed clients registered for
 * {@value #SERVICE}; each query is audited, since the records name officers and cases.
 */
@RestController
@RequestMapping("/api/v1/ops/provider-calls")
public class ProviderCallsController {

    /** The service id a client needs in {@code hub.clients.<id>.services}. */
    public static final String SERVICE = "ops.monitoring";

    private static final int MAX_LIMIT = 1000;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    private final ProviderCallQueries queries;
    private final OpsAudit audit;
    private final Clock clock;

    public ProviderCallsController(ProviderCallQueries queries, OpsAudit audit, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    public Map<String, Object> query(@RequestParam(required = false) String caseNumber,
                                     @RequestParam(required = false) String provider,
                                     @RequestParam(required = false) String since,
                                     @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SERVICE);
        if ((caseNumber == null) == (provider == null)) {
            throw new InvalidOpsRequestException("caseNumber", "give exactly one of caseNumber or provider");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidOpsRequestException("limit", "limit must be 1 to " + MAX_LIMIT);
        }
        List<ProviderCallView> calls;
        String target;
        if (caseNumber != null) {
            calls = queries.byCase(caseNumber, limit);
            target = "case " + caseNumber;
        } else {
            String code = knownProvider(provider);
            calls = queries.byProvider(code, sinceOf(since), limit);
            target = "provider " + code;
        }
        audit.record(client.id(), "calls.query", null, TextCut.atMost(target, 128),
                null, "listed " + calls.size(), RequestIdFilter.of(request));
        return Map.of("calls", calls, "count", calls.size());
    }

    private static String knownProvider(String code) {
        return Arrays.stream(Provider.values()).map(Provider::code).filter(code::equals).findFirst()
                .orElseThrow(() -> new InvalidOpsRequestException("provider", "no provider '" + code + "'; known: "
                        + Arrays.stream(Provider.values()).map(Provider::code).toList()));
    }

    private Instant sinceOf(String since) {
        if (since == null) {
            return clock.instant().minus(DEFAULT_WINDOW);
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidOpsRequestException("since", "since must be an ISO-8601 instant such as"
                    + " 2026-11-01T00:00:00Z");
        }
    }

    @ExceptionHandler(InvalidOpsRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidOpsRequestException e, HttpServletRequest request) {
        return OpsController.invalidProblem(e, request);
    }
}
