package cn.gov.shanwei.enforcement.app.clients;

import java.time.Duration;
import java.time.Instant;

/**
 * One call of the hub's API, as the audit table {@code api_call} stores it.
 *
 * @param receivedAt    when the hub received it
 * @param duration      until the answer was complete
 * @param clientId      the {@code X-Hub-Client-Id} sent, or {@code null}; trustworthy only when authenticated
 * @param authenticated whether the signature held
 * @param service       the service id the controller checked access for, or {@code null} (rejected earlier)
 * @param method        HTTP method
 * @param path          request path, without the query
 * @param status        HTTP status answered
 * @param requestId     the request id (echoed in {@code X-Request-Id})
 * @param userAgent     the caller's {@code User-Agent} (the SDK names its version and the application)
 */
public record ApiCallRecord(Instant receivedAt, Duration duration, String clientId, boolean authenticated,
                            String service, String method, String path, int status, String requestId,
                            String userAgent) {
}
