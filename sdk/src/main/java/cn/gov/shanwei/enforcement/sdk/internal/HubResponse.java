package cn.gov.shanwei.enforcement.sdk.internal;

/**
 * A successful (2xx) answer of the hub.
 *
 * @param operation the call's operation name, for error messages
 * @param status    HTTP status
 * @param body      body bytes, possibly empty
 * @param requestId the request id the hub echoed, or the one sent
 */
public record HubResponse(String operation, int status, byte[] body, String requestId) implements AttemptOutcome {
}
