package cn.gov.shanwei.enforcement.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * What a listener learns about one completed call.
 *
 * @param operation stable operation id, for example {@code licences.verify}; safe as a metric tag
 * @param method    HTTP method
 * @param path      request path under the endpoint, for example {@code /api/v1/licences/verifications}
 * @param status    HTTP status of the last attempt; {@code 0} when the hub never answered
 * @param errorCode {@code null} on success; otherwise the failure's error code (the hub's, such as
 *                  {@code RATE_LIMITED}, or the SDK's, such as {@code TIMEOUT}), or the exception's simple
 *                  class name when it has none
 * @param attempts  attempts made, at least 1
 * @param duration  wall time of the whole call, retries and waits included
 * @param requestId the call's request id ({@code X-Request-Id})
 */
public record HubCallEvent(String operation, String method, String path, int status, String errorCode,
                           int attempts, Duration duration, String requestId) {

    /** Validates the required components. */
    public HubCallEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the call succeeded (a 2xx answer). */
    public boolean succeeded() {
        return errorCode == null;
    }
}
