package cn.gov.shanwei.enforcement.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem responses with the hub's stable code and the request id, in one shape everywhere. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail problem(ErrorCode code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create(code.typeUri()));
        problem.setTitle(code.title());
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
            Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON);
        if (retryAfter != null) {
            long seconds = retryAfterSeconds(retryAfter);
            problem.setProperty("retryAfterSeconds", seconds);
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return builder.body(problem);
    }

    /** Writes a problem from a servlet filter, where no message converters run. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper mapper)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** As {@link #write(HttpServletResponse, ProblemDetail, ObjectMapper)}, asking to retry after {@code retryAfter}. */
    public static void write(HttpServletResponse response, ProblemDetail problem, Duration retryAfter,
                             ObjectMapper mapper) throws IOException {
        long seconds = retryAfterSeconds(retryAfter);
        problem.setProperty("retryAfterSeconds", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, problem, mapper);
    }

    /** Retry-After is whole seconds, rounded up, at least 1. */
    static long retryAfterSeconds(Duration retryAfter) {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
