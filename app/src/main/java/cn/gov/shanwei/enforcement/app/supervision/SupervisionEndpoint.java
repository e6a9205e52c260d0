package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import cn.gov.shanwei.enforcement.supervision.review.ReviewStateException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;

/**
 * What every supervision endpoint shares: the access check and the errors of supervision as problem+json.
 * Until staff sign-in lands (issue 7), the caller is a registered system signing with HMAC ({@link
 * CallingClient}): {@value #READ} to read, {@value #WRITE} to draw samples and record reviews; the supervisor
 * (a 司法局 subject id) is named per request and the jurisdiction follows from it.
 */
abstract class SupervisionEndpoint {

    /** The hub service that allows reading supervision data. */
    static final String READ = "supervision.read";
    /** The hub service that allows recording draws and reviews. */
    static final String WRITE = "supervision.write";

    static HubClient reader(HttpServletRequest request) {
        return CallingClient.requireAccess(request, READ);
    }

    static HubClient writer(HttpServletRequest request) {
        return CallingClient.requireAccess(request, WRITE);
    }

    static boolean csv(String format) {
        if (format == null || format.isEmpty() || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new DomainValidationException("format", "is json or csv");
    }

    @ExceptionHandler(ReviewStateException.class)
    ResponseEntity<ProblemDetail> conflict(ReviewStateException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request), null);
    }

    @ExceptionHandler(NotInJurisdictionException.class)
    ResponseEntity<ProblemDetail> notFound(NotInJurisdictionException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(e.getParameterName(), "is required", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(e.getName(), "'" + e.getValue() + "' is not a valid value", request);
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String reason, HttpServletRequest request) {
        ProblemDetail p = Problems.problem(ErrorCode.VALIDATION_FAILED, field + " " + reason, request);
        return Problems.response(Problems.withFieldErrors(p, List.of(Map.of("field", field, "message", reason))),
                null);
    }
}
