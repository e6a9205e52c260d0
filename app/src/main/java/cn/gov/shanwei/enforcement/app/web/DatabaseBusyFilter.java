package cn.gov.shanwei.enforcement.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers 503 {@code BUSY_RETRY} with {@code Retry-After} (ADR 0521) when a lock was not given in time, a deadlock or
 * a statement timeout reaches it from the filters after it: the replay check of the request signature, the staff
 * sign-on's lookups, or anything else {@code @ControllerAdvice} never sees. Registered once, right after the request
 * id, so that no filter needs code of its own; any other failure, or one met after the answer was committed, goes on
 * as before.
 */
public class DatabaseBusyFilter extends OncePerRequestFilter {

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
            if (response.isCommitted() || !DatabaseBusy.isBusy(e)) {
                throw e;
            }
            response.resetBuffer();
            Problems.write(response, DatabaseBusy.problem(e, request), DatabaseBusy.RETRY_AFTER, mapper);
        }
    }
}
