package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Audits every refused ops request in {@code ops_audit}: 401 (no valid signature: the signature filter answers
 * before any controller runs), 403 (a registered client without the ops service) and 429 (rate-limited). The ops
 * controllers audit what they do themselves, their own refusals (404, 400, a failed replay) included; what never
 * reaches them is recorded here, so the ops audit alone shows every attempt to use the ops API.
 *
 * <p>The request thread only counts the refusal in memory ({@link OpsRefusals}, ADR 0919); rows are written in
 * batches by a writer of their own, one per caller and kind of refusal per window, so a flood of unsigned requests
 * costs no insert each. The client id of an unauthenticated request is only a claim: it is kept in the outcome, never
 * in {@code client_id}, which then reads {@value #UNAUTHENTICATED}. The path is kept by its class (the method and the
 * first segment after {@value #OPS_PREFIX}) so that made-up paths do not tell callers apart.
 */
public class OpsRefusalAuditFilter extends OncePerRequestFilter {

    /** {@code client_id} of a refusal whose caller could not be authenticated. */
    public static final String UNAUTHENTICATED = "(unauthenticated)";

    /** {@code action} of a refusal recorded here. */
    public static final String ACTION = "access.refused";

    static final String OPS_PREFIX = "/api/v1/ops/";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final int MAX_SEGMENT = 48;
    private static final int MAX_CLAIM = 64;
    private static final int MAX_ADDRESS = 64;

    private final OpsRefusals refusals;

    public OpsRefusalAuditFilter(OpsRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 429) {
                refusals.record(refusal(request, status), RequestIdFilter.of(request));
            }
        }
    }

    static OpsRefusals.Refusal refusal(HttpServletRequest request, int status) {
        String clientId;
        String outcome;
        Optional<HubClient> client = CallingClient.authenticated(request);
        if (client.isPresent()) {
            clientId = client.get().id();
            outcome = "refused: HTTP " + status + CallingClient.checkedService(request)
                    .map(service -> ", not registered for " + service).orElse("");
        } else {
            clientId = UNAUTHENTICATED;
            String claimed = request.getHeader(RequestSignatureFilter.CLIENT_ID);
            outcome = "refused: HTTP " + status + ", " + (claimed == null ? "no client id"
                    : "claimed client " + TextCut.atMost(claimed, MAX_CLAIM));
        }
        return new OpsRefusals.Refusal(status, clientId, outcome,
                TextCut.atMost(request.getRemoteAddr(), MAX_ADDRESS),
                target(request));
    }

    /** The method and the path's class: {@code GET /api/v1/ops/dead-letters}, or {@code …/dead-letters/**} below it. */
    static String target(HttpServletRequest request) {
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(OPS_PREFIX)) {
            return method + " " + TextCut.atMost(path, MAX_SEGMENT);
        }
        String rest = path.substring(OPS_PREFIX.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        boolean deeper = slash >= 0 && slash < rest.length() - 1;
        return method + " " + OPS_PREFIX + TextCut.atMost(segment, MAX_SEGMENT) + (deeper ? "/**" : "");
    }
}
