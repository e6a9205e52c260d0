package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.RateLimitedException;
import cn.gov.shanwei.enforcement.sdk.errors.ServerException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Maps a non-2xx answer of the hub to the exception hierarchy, by status first and problem code second. */
final class ErrorMapper {

    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    private static final Set<Integer> RETRYABLE = Set.of(409, 429, 500, 502, 503, 504);

    private ErrorMapper() {
    }

    /**
     * A failed attempt.
     *
     * @param exception  what to throw if this is the last attempt
     * @param retryable  whether the retry policy may try again
     * @param retryAfter the hub's requested wait, or {@code null}
     */
    record Failure(HubException exception, boolean retryable, Duration retryAfter) implements AttemptOutcome {
    }

    /**
     * @param sentRequestId    the request id sent, used when the hub echoes none
     * @param retryAfterHeader the parsed {@code Retry-After} header, or {@code null}
     */
    static Failure map(String operation, int status, byte[] body, String echoedRequestId, String sentRequestId,
                       Duration retryAfterHeader) {
        ProblemBody problem = Json.readProblem(body);
        String code = problem == null ? null : problem.code();
        String requestId = firstNonNull(echoedRequestId, problem == null ? null : problem.requestId(), sentRequestId);
        Duration retryAfter = retryAfterHeader != null ? retryAfterHeader
                : problem == null ? null : RetryAfter.ofSeconds(problem.retryAfterSeconds());
        String message = message(operation, status, problem, requestId);
        HubException exception = switch (status) {
            case 400, 422 -> new ValidationException(message, status, code, requestId, fieldErrors(problem));
            case 401 -> new AuthenticationException(message, code, requestId);
            case 403 -> new AccessDeniedException(message, code, requestId);
            case 404 -> new NotFoundException(message, code, requestId);
            case 409 -> new ConflictException(message, code, requestId, problem == null ? null : problem.conflict(),
                    problem == null ? null : problem.currentVersion());
            case 429 -> new RateLimitedException(message, code, requestId, retryAfter);
            default -> {
                if (status == 503 && PROVIDER_UNAVAILABLE.equals(code)) {
                    yield new ProviderUnavailableException(message, code, requestId, problem.provider(), retryAfter);
                }
                yield status >= 500 && status <= 599
                        ? new ServerException(message, status, code, requestId)
                        : new UnexpectedResponseException(message, status, code, requestId, null);
            }
        };
        // A 409 that names its conflict (a stale If-Match, a step the law does not allow now, a document not yet
        // sealed) answers the request itself: sent again unchanged it is refused again.
        boolean namedConflict = status == 409 && problem != null && problem.conflict() != null;
        return new Failure(exception, RETRYABLE.contains(status) && !namedConflict, retryAfter);
    }

    private static String message(String operation, int status, ProblemBody problem, String requestId) {
        StringBuilder text = new StringBuilder(operation).append(" failed: ");
        if (problem == null) {
            text.append("HTTP ").append(status).append(" without a problem body");
        } else {
            text.append(firstNonNull(problem.detail(), problem.title(), "HTTP " + status));
        }
        text.append(" (HTTP ").append(status);
        if (problem != null && problem.code() != null) {
            text.append(", code ").append(problem.code());
        }
        if (problem != null && problem.provider() != null) {
            text.append(", provider ").append(problem.provider());
        }
        return text.append(", request id ").append(requestId).append(')').toString();
    }

    private static List<FieldError> fieldErrors(ProblemBody problem) {
        if (problem == null || problem.errors() == null) {
            return List.of();
        }
        return problem.errors().stream()
                .filter(Objects::nonNull)
                .map(e -> new FieldError(Objects.requireNonNullElse(e.field(), ""),
                        Objects.requireNonNullElse(e.message(), "")))
                .toList();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
