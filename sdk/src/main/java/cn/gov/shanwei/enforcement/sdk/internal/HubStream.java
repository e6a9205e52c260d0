package cn.gov.shanwei.enforcement.sdk.internal;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * A successful (2xx) answer of the hub whose body is still arriving: a download.
 *
 * @param operation the call's operation name, for error messages
 * @param status    HTTP status
 * @param headers   the answer's headers
 * @param body      the body as it arrives; the receiver must close it
 * @param requestId the request id the hub echoed, or the one sent
 */
public record HubStream(String operation, int status, HttpHeaders headers, InputStream body, String requestId)
        implements AttemptOutcome {

    /** This answer with its body bounded: no read waits longer than {@code idleTimeout}, no short body passes. */
    HubStream bounded(Duration idleTimeout) {
        long length = headers.firstValueAsLong("Content-Length").orElse(-1);
        return new HubStream(operation, status, headers, new DownloadStream(body, length, idleTimeout, operation,
                requestId), requestId);
    }
}
