package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.security.StaffAuthentication;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import cn.gov.shanwei.enforcement.supervision.review.ReviewStateException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;

/**
 * What every supervision endpoint shares: who the supervisor is, and the errors of supervision as problem+json.
 * <p>Staff (ADR 0704): a supervisor signed on with a bearer token, or a signed client acting for one, reaches the
 * API through the staff security chain (role SUPERVISOR); the jurisdiction is the officer's own subject (a 司法局),
 * never a parameter. A registered machine client naming no officer may use only the endpoints marked
 * {@link Caller#MACHINE_READ} ({@value #READ}, naming the supervisor with {@code supervisor=}): a back end that
 * must pull figures, such as the indicators and the monthly report.
 */
abstract class SupervisionEndpoint {

    /** The hub service that allows a machine client to read the figures endpoints. */
    static final String READ = "supervision.read";

    /** Who may call an endpoint besides a signed-on supervisor. */
    enum Caller {
        /** Supervisors only. */
        STAFF,
        /** Supervisors, and machine clients registered for {@value SupervisionEndpoint#READ} naming the supervisor. */
        MACHINE_READ
    }

    /** A machine client called an endpoint that only signed-on supervisors may use. */
    static final class StaffOnlyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaffOnlyException() {
            super("Supervision is for supervisors signed on as staff (a bearer token, or a client acting for an "
                    + "officer in X-Hub-Officer-Id)");
        }
    }

    /**
     * The supervisor whose jurisdiction the request sees: the signed-on officer's subject; for a machine client
     * allowed by {@code caller}, the subject it names.
     *
     * @param named the {@code supervisor} the request names (may be null; a staff caller may name only its own)
     */
    static SubjectId supervisor(HttpServletRequest request, String named, Caller caller) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof StaffAuthentication staff) {
            Actor actor = staff.getPrincipal();
            if (!actor.has(StaffRole.SUPERVISOR)) {
                throw new StaffOnlyException();
            }
            SubjectId own = actor.officer().subject();
            if (named != null && !named.isBlank() && !named.equals(own.value())) {
                throw new NotInJurisdictionException("you supervise as " + own.value() + " only");
            }
            return own;
        }
        if (caller != Caller.MACHINE_READ) {
            throw new StaffOnlyException();
        }
        CallingClient.requireAccess(request, READ);
        if (named == null || named.isBlank()) {
            throw new DomainValidationException("supervisor", "is required for a machine client");
        }
        return new SubjectId(named);
    }

    /** The supervisor of a staff-only endpoint (the signed-on officer's subject). */
    static SubjectId supervisor(HttpServletRequest request, String named) {
        return supervisor(request, named, Caller.STAFF);
    }

    /** Who acts, for the record: the officer, or the machine client. */
    static String actingAs(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof StaffAuthentication staff) {
            return staff.getName();
        }
        return "client:" + CallingClient.requireAccess(request, READ).id();
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

    @ExceptionHandler(StaffOnlyException.class)
    ResponseEntity<ProblemDetail> staffOnly(StaffOnlyException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.ACCESS_DENIED, e.getMessage(), request), null);
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
