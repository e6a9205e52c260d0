package cn.gov.shanwei.enforcement.sdk;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-call options. Both values are generated when absent and are the same on every retry of the call.
 *
 * @param idempotencyKey value of the {@code Idempotency-Key} header, for example a business key so that a
 *                       call repeated by your own application is recognised by the hub; {@code null} to generate
 * @param requestId      value of the {@code X-Request-Id} header, for example your own trace id;
 *                       {@code null} to generate
 */
public record RequestOptions(String idempotencyKey, String requestId) {

    private static final RequestOptions NONE = new RequestOptions(null, null);
    // Visible ASCII only: the values travel in HTTP headers and log lines.
    private static final Pattern HEADER_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Validates that given values are 1–255 visible ASCII characters. */
    public RequestOptions {
        check("idempotencyKey", idempotencyKey);
        check("requestId", requestId);
    }

    /** No overrides: both values generated. */
    public static RequestOptions none() {
        return NONE;
    }

    /** A copy with the given idempotency key. */
    public RequestOptions withIdempotencyKey(String idempotencyKey) {
        return new RequestOptions(idempotencyKey, requestId);
    }

    /** A copy with the given request id. */
    public RequestOptions withRequestId(String requestId) {
        return new RequestOptions(idempotencyKey, requestId);
    }

    /** The idempotency key if one was set. */
    public Optional<String> idempotencyKeyIfSet() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** The request id if one was set. */
    public Optional<String> requestIdIfSet() {
        return Optional.ofNullable(requestId);
    }

    private static void check(String name, String value) {
        if (value != null && !HEADER_TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-255 visible ASCII characters without spaces");
        }
    }
}
