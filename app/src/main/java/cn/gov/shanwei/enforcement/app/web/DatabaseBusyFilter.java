package cn.gov.shanwei.enforcement.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers 503 {@code BUSY_RETRY} with {@code Retry-After} (ADR 0521) when a lock was not given in time, a deadlock or
 * a statement timeout reaches it from the filters after it: the replay check of the request signature, the staff
 * sign-on's lookups, or anything else {@code @ControllerAdvice} never sees. Registered once, right after the request
 * id, so that no filter needs code of its own.
 *
 * <p>Any other failure that escapes the filters of an API request ({@code /api/…}) is answered as the controllers'
 * unexpected failures are: 500 {@code INTERNAL_ERROR} as {@code application/problem+json} with the request id and
 * nothing of the exception, which is logged once, here. Without this it would reach the servlet container's error
 * page and Spring Boot's {@code /error} JSON, in another shape than every other answer of the API. A failure met
 * after the answer was committed, or outside the API (the actuator, static pages), goes on as before.
 */
public class DatabaseBusyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBusyFilter.class);

    private final ObjectMapper mapper;

    public DatabaseBusyFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (DatabaseBusy.isBusy(e)) {
                response.resetBuffer();
                Problems.write(response, DatabaseBusy.problem(e, request), DatabaseBusy.RETRY_AFTER, mapper);
                return;
            }
            if (!isApi(request)) {
                throw e;
            }
            LOG.error("Unexpected failure on {} {} before a controller answered", request.getMethod(),
                    request.getRequestURI(), e);
            response.resetBuffer();
            Problems.write(response, Problems.problem(ErrorCode.INTERNAL_ERROR,
                    "The hub failed unexpectedly; quote the request id when reporting it", request), mapper);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
