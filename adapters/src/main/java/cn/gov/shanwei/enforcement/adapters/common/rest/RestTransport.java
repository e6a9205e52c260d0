package cn.gov.shanwei.enforcement.adapters.common.rest;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JSON over HTTP to one provincial REST service behind the TIF gateway: every request is signed with the shared
 * {@link TifRequestSigner}, every attempt has one deadline (connect + send + whole body), every body is read
 * with a size limit, and every failure becomes one of the {@link ProviderException} subclasses:
 *
 * <ul>
 *   <li>no connection, I/O failure, HTTP 408/429/5xx, the gateway refusing a resent nonce → {@link ProviderTransportException} (timeouts:
 *       {@link ProviderTimeoutException});</li>
 *   <li>other HTTP 4xx → {@link ProviderRejectedException} with the provider's {@code code} and
 *       {@code requestId} from the error body ({@code HTTP_<status>} when the body has none);</li>
 *   <li>2xx whose body is too large, not JSON or too deeply nested → {@link ProviderResponseInvalidException}.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per provider endpoint. It never retries: that is the caller's (routes') decision.
 */
public final class RestTransport implements AutoCloseable {

    /** TIF gateway code for a nonce it has seen: our own resend, so retryable (see {@code statusFailure}). */
    public static final String GATEWAY_REPLAYED_NONCE = "400003";

    /** Deepest JSON nesting accepted (GeoJSON polygons need about six levels). */
    public static final int MAX_NESTING_DEPTH = 32;

    private final String provider;
    private final URI endpoint;
    private final TifRequestSigner signer;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final HttpClient http;
    private final ObjectMapper mapper;

    private RestTransport(Builder builder) {
        this.provider = builder.provider;
        this.endpoint = URI.create(builder.endpoint.toString().replaceAll("/+$", ""));
        this.signer = builder.signer;
        this.requestTimeout = builder.requestTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(builder.maxResponseBytes)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Starts a builder; provider, endpoint and signer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The service's base URI, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** Largest accepted response body, in bytes. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * {@code GET {endpoint}{path}} expecting a JSON body.
     *
     * @param path path below the endpoint starting with '/', query included (build it with {@link #query})
     */
    public JsonNode getJson(String operation, String path) {
        return parse(operation, send(operation, request(path).GET(), "application/json"));
    }

    /** {@code POST {endpoint}{path}} with a JSON body and extra headers (e.g. an idempotency key). */
    public JsonNode postJson(String operation, String path, JsonNode body, Map<String, String> headers) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        return parse(operation, send(operation, request, "application/json"));
    }

    /** {@code GET {endpoint}{path}} for a small binary body (a map tile), size-limited like every answer. */
    public Binary getBinary(String operation, String path) {
        Answer answer = send(operation, request(path).GET(), "*/*");
        return new Binary(answer.body, answer.contentType);
    }

    /**
     * {@code GET {endpoint}{path}} for a large body read as a stream (a reconciliation file): no size limit, the
     * deadline covers the response head only. The caller must close the stream.
     */
    public InputStream openStream(String operation, String path) {
        HttpRequest request = request(path).header("Accept", "text/plain, */*").GET().build();
        CompletableFuture<HttpResponse<InputStream>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            abandon(pending);
            Thread.currentThread().interrupt();
            throw new ProviderTransportException(provider, operation, "interrupted while waiting", 0, e);
        } catch (TimeoutException e) {
            abandon(pending);
            throw failure(operation, e);
        } catch (ExecutionException e) {
            throw failure(operation, e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            byte[] head;
            try (InputStream in = response.body()) {
                head = in.readNBytes(Math.min(maxResponseBytes, 64 * 1024));
            } catch (IOException e) {
                head = new byte[0];
            }
            throw statusFailure(operation, response.statusCode(), head, requestIdHeader(response));
        }
        return response.body();
    }

    /** Gives up on a streamed answer: cancels the exchange and closes the stream should it still arrive. */
    private static void abandon(CompletableFuture<HttpResponse<InputStream>> pending) {
        pending.cancel(true);
        pending.thenAccept(late -> {
            try {
                late.body().close();
            } catch (IOException ignored) {
                // nothing more can be done for a stream nobody reads
            }
        });
    }

    /** Serialises a JSON tree with this transport's mapper (for signatures over exactly the bytes sent). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A query string {@code ?a=1&b=x%20y} from the non-null values, in the given order, UTF-8 percent-encoded;
     * empty when every value is null.
     */
    public static String query(Map<String, ?> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=')
                        .append(encode(value.toString()));
            }
        });
        return query.toString();
    }

    /** Percent-encodes one path segment or query value (spaces as {@code %20}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Runs a lookup, answering a refusal with {@code providerCode} (the provider's "no such record") as empty.
     *
     * @throws ProviderRejectedException any other refusal
     */
    public static <T> java.util.Optional<T> emptyWhenRefusedWith(String providerCode,
                                                                  java.util.function.Supplier<T> lookup) {
        try {
            return java.util.Optional.of(lookup.get());
        } catch (ProviderRejectedException rejected) {
            if (providerCode.equals(rejected.providerCode())) {
                return java.util.Optional.empty();
            }
            throw rejected;
        }
    }

    /** A query builder keeping insertion order: {@code RestTransport.params().put("a", 1)}. */
    public static Map<String, Object> params() {
        return new LinkedHashMap<>();
    }

    /** Nothing to release: the JDK client's threads end with it. Present so clients can be closed uniformly. */
    @Override
    public void close() {
        // HttpClient.close() exists only from Java 21; the client is released when unreachable.
    }

    @Override
    public String toString() {
        return "RestTransport[" + provider + " " + endpoint + ", paasId=" + signer.paasId() + "]";
    }

    private HttpRequest.Builder request(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        return signer.sign().applyTo(request);
    }

    private Answer send(String operation, HttpRequest.Builder builder, String expectedType) {
        HttpRequest request = builder.build();
        AtomicBoolean tooLarge = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, info -> new LimitedBodySubscriber(maxResponseBytes, tooLarge));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderTransportException(provider, operation, "interrupted while waiting", 0, e);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failure(operation, e);
        } catch (ExecutionException e) {
            throw failure(operation, tooLarge.get() ? new LimitedBodySubscriber.TooLarge(maxResponseBytes) : e.getCause());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() / 100 != 2) {
            throw statusFailure(operation, response.statusCode(), response.body(), requestIdHeader(response));
        }
        if (expectedType.equals("application/json")
                && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProviderResponseInvalidException(provider, operation,
                    "expected a JSON answer, got Content-Type '" + contentType + "'", null);
        }
        return new Answer(response.body(), contentType);
    }

    private ProviderException failure(String operation, Throwable cause) {
        if (cause instanceof LimitedBodySubscriber.TooLarge tooLarge) {
            return new ProviderResponseInvalidException(provider, operation, tooLarge.getMessage(), tooLarge);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new ProviderTimeoutException(provider, operation, "no connection within the connect timeout", cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new ProviderTimeoutException(provider, operation,
                    "no complete answer within " + requestTimeout.toMillis() + " ms", cause);
        }
        return new ProviderTransportException(provider, operation,
                "transport failure: " + (cause == null ? "unknown" : cause.getClass().getSimpleName() + ": "
                        + cause.getMessage()), 0, cause);
    }

    private ProviderException statusFailure(String operation, int status, byte[] body, String headerRequestId) {
        String code = null;
        String message = null;
        String requestId = headerRequestId;
        try {
            JsonNode error = mapper.readTree(body);
            if (error != null && error.isObject()) {
                code = JsonFields.optionalText(error, "code");
                message = JsonFields.optionalText(error, "message");
                String bodyRequestId = JsonFields.optionalText(error, "requestId");
                requestId = bodyRequestId != null ? bodyRequestId : requestId;
            }
        } catch (IOException | RuntimeException notJson) {
            // An error page that is not JSON: the status alone decides.
        }
        String text = "HTTP " + status + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message);
        // The JDK client silently resends a GET whose pooled connection was reset, with the same signed headers;
        // the gateway then refuses the nonce as replayed although the provider decided nothing: a transport failure.
        if (status >= 500 || status == 408 || status == 429 || GATEWAY_REPLAYED_NONCE.equals(code)) {
            return new ProviderTransportException(provider, operation, text, status, null);
        }
        return new ProviderRejectedException(provider, operation, "provider refused: " + text,
                code == null ? "HTTP_" + status : code, requestId, null);
    }

    private JsonNode parse(String operation, Answer answer) {
        try {
            JsonNode node = mapper.readTree(answer.body);
            if (node == null || node.isMissingNode()) {
                throw new ProviderResponseInvalidException(provider, operation, "empty answer", null);
            }
            return node;
        } catch (IOException e) {
            throw new ProviderResponseInvalidException(provider, operation,
                    "answer is not well-formed JSON within limits: " + e.getMessage(), e);
        }
    }

    private static String requestIdHeader(HttpResponse<?> response) {
        return response.headers().firstValue("x-request-id").orElse(null);
    }

    private record Answer(byte[] body, String contentType) {
    }

    /**
     * A binary answer.
     *
     * @param bytes       the body (a copy is not made: treat it as read-only)
     * @param contentType the {@code Content-Type} header, empty if absent
     */
    public record Binary(byte[] bytes, String contentType) {

        public Binary {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /** Builds a {@link RestTransport}; not thread-safe, use once. */
    public static final class Builder {

        /** Default time to open a connection. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
        /** Default deadline of one attempt, whole body included. */
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
        /** Default response size limit. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

        private String provider;
        private URI endpoint;
        private TifRequestSigner signer;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /** Provider code carried by every exception, e.g. {@code "map"}; required. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** The service's base URI, http or https, e.g. {@code http://127.0.0.1:8090/map}; required. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The TIF gateway signer; required. */
        public Builder signer(TifRequestSigner signer) {
            this.signer = signer;
            return this;
        }

        /** Time to open a connection; positive; default 2 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Deadline of one attempt, from sending to the last body byte; positive; default 5 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Largest accepted body in bytes; positive; default 1 MiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public RestTransport build() {
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("provider is required");
            }
            requireHttpUri(endpoint);
            if (signer == null) {
                throw new IllegalArgumentException("signer is required: the TIF gateway refuses unsigned requests");
            }
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("requestTimeout", requestTimeout);
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            return new RestTransport(this);
        }

        /** Checks an endpoint setting: an absolute http or https URI. */
        public static void requireHttpUri(URI endpoint) {
            if (endpoint == null) {
                throw new IllegalArgumentException("endpoint is required");
            }
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URI: " + endpoint);
            }
        }

        /** Checks a duration setting: positive and at most {@code Integer.MAX_VALUE} ms. */
        public static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (a zero timeout would wait forever)");
            }
            if (value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " is unreasonably long: " + value);
            }
        }
    }
}
