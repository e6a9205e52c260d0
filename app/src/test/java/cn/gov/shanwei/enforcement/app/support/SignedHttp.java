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

/** Raw signed HTTP calls, for testing what the SDK would never send. */
public final class SignedHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public SignedHttp(URI base) {
        this.base = base;
    }

    public HttpResponse<String> post(String path, String json, String clientId, String secret, String nonce) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String usedNonce = nonce == null ? UUID.randomUUID().toString() : nonce;
        String signature = HubRequestSignature.sign(secret,
                HubRequestSignature.canonical("POST", path, timestamp, usedNonce, body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header(HubRequestSignature.CLIENT_ID_HEADER, clientId)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, usedNonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    public HttpResponse<String> unsignedPost(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
