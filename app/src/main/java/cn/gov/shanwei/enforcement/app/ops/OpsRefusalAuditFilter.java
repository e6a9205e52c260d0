package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Writes every refused ops request to {@code ops_audit}: 401 (no valid signature: the signature filter answers
 * before any controller runs), 403 (a registered client without the ops service) and 429 (rate-limited). The ops
 * controllers audit what they do themselves, their own refusals (404, 400, a failed replay) included; what never
 * reaches them is recorded here, so the ops audit alone shows every attempt to use the ops API.
 *
 * <p>The client id of an unauthenticated request is only a claim: it is kept in the outcome, never in
 * {@code client_id}, which then reads {@value #UNAUTHENTICATED}.
 */
public class OpsRefusalAuditFilter extends OncePerRequestFilter {

    /** {@code client_id} of a refusal whose caller could not be authenticated. */
    public static final String UNAUTHENTICATED = "(unauthenticated)";

    /** {@code action} of a refusal recorded here. */
    public static final String ACTION = "access.refused";

    private static final Logger LOG = LoggerFactory.getLogger(OpsRefusalAuditFilter.class);
    private static final int MAX_TARGET = 128;
    private static final int MAX_CLAIM = 64;

    private final OpsAudit audit;

    public OpsRefusalAuditFilter(OpsAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 429) {
                recordRefusal(request, status);
            }
        }
    }

    private void recordRefusal(HttpServletRequest request, int status) {
        String target = request.getMethod() + " " + request.getRequestURI();
        if (target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET);
        }
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
                    : "claimed client " + (claimed.length() > MAX_CLAIM ? claimed.substring(0, MAX_CLAIM) : claimed));
        }
        try {
            audit.record(clientId, ACTION, null, target, null, outcome, RequestIdFilter.of(request));
        } catch (RuntimeException e) {
            // The refusal has been answered; a failed audit row must not turn it into a 500. The API call audit
            // (ApiCallAuditFilter) still has the request.
            LOG.error("could not write the ops audit of a refused request {} ({}): {}", target, status,
                    e.toString());
        }
    }
}
