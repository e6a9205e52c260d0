package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records every API call, refused ones included (401, 403, 429), with the calling system: it wraps the signature
 * and rate-limit filters, so it sees their answers as well as the controllers'.
 */
public class ApiCallAuditFilter extends OncePerRequestFilter {

    private final ApiCallAuditor auditor;
    private final Clock clock;

    public ApiCallAuditFilter(ApiCallAuditor auditor, Clock clock) {
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant received = clock.instant();
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            boolean authenticated = request.getAttribute(CallingClient.ATTRIBUTE) instanceof HubClient;
            auditor.record(new ApiCallRecord(received, Duration.ofNanos(System.nanoTime() - start),
                    request.getHeader(RequestSignatureFilter.CLIENT_ID), authenticated,
                    (String) request.getAttribute(CallingClient.SERVICE_ATTRIBUTE), request.getMethod(),
                    request.getRequestURI(), response.getStatus(), String.valueOf(RequestIdFilter.of(request)),
                    request.getHeader(HttpHeaders.USER_AGENT)));
        }
    }
}
