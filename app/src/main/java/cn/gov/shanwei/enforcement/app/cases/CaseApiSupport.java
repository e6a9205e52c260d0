package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.CertificateRefusedException;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every staff API controller shares: the If-Match version and the problem answers of the case platform's
 * exceptions. The handlers are the controllers' own, so they win over the application-wide ones.
 */
abstract class CaseApiSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CaseApiSupport.class);

    /** The header a step sends the version it read in (its ETag). */
    static final String IF_MATCH = "If-Match";

    /** The version in an {@code If-Match} header ({@code "7"}, {@code W/"7"} or {@code 7}); null when absent. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new DomainValidationException("If-Match", "must be the ETag of the version you read, e.g. \"3\"");
        }
    }

    /** The ETag of a version. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A procedure's detail with its version as ETag. */
    static <P> ResponseEntity<ProcedureDetail<P>> answer(HttpStatus status, ProcedureDetail<P> detail) {
        return ResponseEntity.status(status).eTag(etag(detail.summary().version())).body(detail);
    }

    @ExceptionHandler(CaseAccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(CaseAccessDeniedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.ACCESS_DENIED, e.getMessage(), request);
        if (e instanceof CertificateRefusedException) {
            problem.setProperty("reason", CertificateRefusedException.REASON);
        }
        return Problems.response(problem, null);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> rule(RuleViolationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request);
        problem.setProperty("conflict", "RULE_VIOLATED");
        return Problems.response(problem, null);
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentEditException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request);
        problem.setProperty("conflict", "CONCURRENT_EDIT");
        if (e.currentVersion() != null) {
            problem.setProperty("currentVersion", e.currentVersion());
        }
        return Problems.response(problem, null);
    }

    @ExceptionHandler(StaffCreations.KeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(StaffCreations.KeyReusedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request);
        problem.setProperty("conflict", "IDEMPOTENCY_KEY_REUSED");
        return Problems.response(problem, null);
    }

    /** Unnamed 409: the same request is under way; sending it again answers what it created (the SDK retries). */
    @ExceptionHandler(StaffCreations.InProgressException.class)
    ResponseEntity<ProblemDetail> inProgress(StaffCreations.InProgressException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(DomainValidationException.class)
    ResponseEntity<ProblemDetail> invalid(DomainValidationException e, HttpServletRequest request) {
        return fieldErrors(request, List.of(Map.of("field", e.field(), "message", e.reason())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e, HttpServletRequest request) {
        // The domain's value constructors refuse impossible values this way (e.g. an inverted fine range).
        return Problems.response(Problems.problem(ErrorCode.VALIDATION_FAILED, e.getMessage(), request), null);
    }

    @ExceptionHandler(TamperedDataException.class)
    ResponseEntity<ProblemDetail> tampered(TamperedDataException e, HttpServletRequest request) {
        LOG.error("Integrity check failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return Problems.response(Problems.problem(ErrorCode.INTERNAL_ERROR, "The stored record failed its integrity "
                + "check: " + e.getMessage() + ". It has been logged for the administrators", request), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (m instanceof UnrecognizedPropertyException) {
                message = "is not a field of this operation";
            } else if (m instanceof InvalidFormatException f && f.getTargetType() != null
                    && f.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants());
            } else if (m instanceof InvalidFormatException f && f.getTargetType() != null) {
                message = "is not a valid " + f.getTargetType().getSimpleName();
            } else {
                message = "has the wrong type";
            }
            return fieldErrors(request, List.of(Map.of("field", field, "message", message)));
        }
        return Problems.response(Problems.problem(ErrorCode.MALFORMED_REQUEST,
                "The body is not the JSON this operation takes", request), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum() ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "is not a valid " + (type == null ? "value" : type.getSimpleName());
        return fieldErrors(request, List.of(Map.of("field", e.getName(), "message", message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        return fieldErrors(request, List.of(Map.of("field", e.getParameterName(), "message", "is required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return fieldErrors(request, List.of(Map.of("field", e.getRequestPartName(), "message", "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return fieldErrors(request, List.of(Map.of("field", e.getHeaderName(), "message", "is required")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.PAYLOAD_TOO_LARGE, "The upload exceeds the limit of "
                + e.getMaxUploadSize() + " bytes", request), null);
    }

    static ResponseEntity<ProblemDetail> fieldErrors(HttpServletRequest request, List<Map<String, String>> errors) {
        String fields = errors.stream().map(m -> m.get("field")).collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, "Invalid fields: " + fields, request);
        return Problems.response(Problems.withFieldErrors(problem, errors), null);
    }
}
