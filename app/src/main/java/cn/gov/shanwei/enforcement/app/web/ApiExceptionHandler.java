package cn.gov.shanwei.enforcement.app.web;

import cn.gov.shanwei.enforcement.app.clients.ServiceAccessDeniedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/** Every error of the API as {@code application/problem+json} with a stable {@code code} and the request id. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String fields = String.join(", ", errors.stream().map(error -> error.get("field")).toList());
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, "Invalid fields: " + fields, request);
        return Problems.response(Problems.withFieldErrors(problem, errors), null);
    }

    @ExceptionHandler(DomainValidationException.class)
    ResponseEntity<ProblemDetail> invalidValue(DomainValidationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, e.getMessage(), request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.field(), "message", e.reason()))), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED,
                e.getParameterName() + ": is required", request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.getParameterName(), "message", "is required"))), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String message = "is not a valid " + (type == null ? "value" : type.getSimpleName());
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, e.getName() + ": " + message, request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.getName(), "message", message))), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.MALFORMED_REQUEST,
                "The body is not the JSON this operation takes", request), null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.PAYLOAD_TOO_LARGE, "The upload exceeds the limit of "
                + e.getMaxUploadSize() + " bytes", request), null);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badForm(MultipartException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.MALFORMED_REQUEST,
                "The body is not the multipart/form-data form this operation takes", request), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send Content-Type: application/json", request), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.METHOD_NOT_ALLOWED, e.getMessage(), request), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, "No resource at " + request.getRequestURI(),
                request), null);
    }

    @ExceptionHandler(ServiceAccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(ServiceAccessDeniedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(e.code(), e.getMessage(), request), null);
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ProviderUnavailableException e, HttpServletRequest request) {
        LOG.warn("Provider {} unavailable: {}", e.provider().code(), e.getMessage());
        ProblemDetail problem = Problems.problem(ErrorCode.PROVIDER_UNAVAILABLE, e.getMessage(), request);
        problem.setProperty("provider", e.provider().code());
        return Problems.response(problem, e.retryAfter());
    }

    @ExceptionHandler(ProviderFailedException.class)
    ResponseEntity<ProblemDetail> providerFailed(ProviderFailedException e, HttpServletRequest request) {
        LOG.warn("Provider {} failed: {}", e.provider().code(), e.getMessage());
        ProblemDetail problem = Problems.problem(ErrorCode.PROVIDER_FAILED, e.getMessage(), request);
        problem.setProperty("provider", e.provider().code());
        if (e.providerCode() != null) {
            problem.setProperty("providerCode", e.providerCode());
        }
        return Problems.response(problem, null);
    }

    /**
     * A lock the database did not give in time, a deadlock, a statement timeout (ADR 0521): the transaction rolled
     * back whole, so the caller may send the same call again. Logged by the classes of the failure only, since the
     * database's message carries the SQL and can carry a row's values.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            jakarta.persistence.QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(Exception e, HttpServletRequest request) {
        return Problems.response(DatabaseBusy.problem(e, request), DatabaseBusy.RETRY_AFTER);
    }

    /**
     * A client that went away while its asynchronous answer was open (a supervisor's console closing its alert
     * stream): nothing can be answered and nothing failed, so no ERROR and no problem body, only a DEBUG line.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request, HttpServletResponse response) {
        LOG.debug("Client gone on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseBusy.isBusy(e)) {
            return busy(e, request);
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(Problems.problem(ErrorCode.INTERNAL_ERROR,
                "The hub failed unexpectedly; quote the request id when reporting it", request), null);
    }
}
