package cn.gov.shanwei.enforcement.app.support;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Raw signed HTTP calls, for testing what the SDK would never send. */
public final class SignedHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public SignedHttp(URI base) {
        this.base = base;
    }

    /**
     * Adds the signature headers of {@code clientId} to {@code request}: a {@code method} call of
     * {@code pathAndQuery} with {@code body}, a fresh nonce, now.
     */
    public static HttpRequest.Builder sign(HttpRequest.Builder request, String method, String pathAndQuery,
                                           byte[] body, String clientId, String secret) {
        return sign(request, method, pathAndQuery, body, clientId, secret, UUID.randomUUID().toString(), null);
    }

    /**
     * As {@link #sign(HttpRequest.Builder, String, String, byte[], String, String)}, acting for {@code officerId}:
     * adds {@code X-Hub-Officer-Id} and signs it (ADR 0911).
     */
    public static HttpRequest.Builder signActingFor(HttpRequest.Builder request, String method, String pathAndQuery,
                                                    byte[] body, String clientId, String secret, String officerId) {
        return signActingFor(request, method, pathAndQuery, body, clientId, secret, officerId,
                UUID.randomUUID().toString());
    }

    /** As {@link #signActingFor} above, with the given {@code nonce}. */
    public static HttpRequest.Builder signActingFor(HttpRequest.Builder request, String method, String pathAndQuery,
                                                    byte[] body, String clientId, String secret, String officerId,
                                                    String nonce) {
        return sign(request.header(HubRequestSignature.OFFICER_HEADER, officerId), method, pathAndQuery, body,
                clientId, secret, nonce, officerId);
    }

    private static HttpRequest.Builder sign(HttpRequest.Builder request, String method, String pathAndQuery,
                                            byte[] body, String clientId, String secret, String nonce,
                                            String officerId) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = HubRequestSignature.sign(secret,
                HubRequestSignature.canonical(method, pathAndQuery, timestamp, nonce, body, officerId));
        return request.header(HubRequestSignature.CLIENT_ID_HEADER, clientId)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, signature);
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> post(String path, String json, String clientId, String secret, String nonce) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String usedNonce = nonce == null ? UUID.randomUUID().toString() : nonce;
        HttpRequest request = sign(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json"), "POST", path, body, clientId, secret, usedNonce, null)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    /** A signed form post ({@code application/x-www-form-urlencoded}), as the ops console sends the page's forms. */
    public HttpResponse<String> postForm(String path, String form, String clientId, String secret) {
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = sign(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded"), "POST", path, bytes, clientId, secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return send(request);
    }

    /** A signed GET of {@code pathAndQuery}. */
    public HttpResponse<String> get(String pathAndQuery, String clientId, String secret) {
        return send(sign(HttpRequest.newBuilder(base.resolve(pathAndQuery)), "GET", pathAndQuery, new byte[0],
                clientId, secret).GET().build());
    }

    public HttpResponse<String> unsignedPost(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends {@code request}; I/O failures and interruption become {@link IllegalStateException}s. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> answer) {
        try {
            return http.send(request, answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} without waiting for the answer (a server-sent event stream, say). */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> answer) {
        return http.sendAsync(request, answer);
    }
}
