package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Answers 429 {@code RATE_LIMITED} with {@code Retry-After} when an authenticated client exceeds its rate limit.
 * Runs after the signature filter, so nobody can spend another client's budget by sending its id unsigned.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientRateLimiter limiter;
    private final ObjectMapper mapper;

    public RateLimitFilter(ClientRateLimiter limiter, ObjectMapper mapper) {
        this.limiter = limiter;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CallingClient.ATTRIBUTE) instanceof HubClient client) {
            Duration wait = limiter.tryAcquire(client);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                LOG.warn("Client '{}' exceeded {} requests/s (burst {}); retry after {} s", client.id(),
                        client.rateLimit().requestsPerSecond(), client.rateLimit().burst(), seconds);
                ProblemDetail problem = Problems.problem(ErrorCode.RATE_LIMITED, "Client '" + client.id()
                        + "' may send " + client.rateLimit().requestsPerSecond() + " requests per second (burst "
                        + client.rateLimit().burst() + "); retry after " + seconds + " s", request);
                problem.setProperty("retryAfterSeconds", seconds);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                Problems.write(response, problem, mapper);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
