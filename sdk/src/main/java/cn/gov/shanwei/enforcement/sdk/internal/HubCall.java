package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One logical call to the hub, before signing.
 *
 * @param operationId stable id for listeners and metrics, for example {@code licences.verify}
 * @param operation   human-readable name used in error messages, for example {@code Licence verification}
 * @param method      HTTP method
 * @param path        path under the endpoint, starting with {@code /}, already encoded
 * @param body        JSON body, or {@code null} for none
 * @param options     per-call options
 * @param headers     extra headers, for example {@code If-Match}; of these only {@code X-Hub-Officer-Id} is signed
 */
public record HubCall(String operationId, String operation, String method, String path, byte[] body,
                      RequestOptions options, Map<String, String> headers) {

    /** Validates the call. */
    public HubCall {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    /** A POST of a JSON body. */
    public static HubCall post(String operationId, String operation, String path, byte[] body,
                               RequestOptions options) {
        return new HubCall(operationId, operation, "POST", path, Objects.requireNonNull(body, "body"), options,
                Map.of());
    }

    /** A copy with {@code name: value} added to the headers. */
    public HubCall withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new HubCall(operationId, operation, method, path, body, options, more);
    }

    /** The value of header {@code name} (compared ignoring case), or {@code null} when the call has none. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** A GET without a body. */
    public static HubCall get(String operationId, String operation, String path, RequestOptions options) {
        return new HubCall(operationId, operation, "GET", path, null, options, Map.of());
    }
}
