package cn.gov.shanwei.enforcement.app.supervision;

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
import java.util.stream.Stream;

/** Signed calls of one registered client to the supervision API. */
final class SupervisionHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String clientId;
    private final String secret;

    SupervisionHttp(URI base, String clientId, String secret) {
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(signed("GET", pathAndQuery, new byte[0]).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(signed("POST", path, body).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> put(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(signed("PUT", path, body).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Opens a server-sent event stream; the lines arrive as the server sends them. */
    CompletableFuture<HttpResponse<Stream<String>>> stream(String pathAndQuery) {
        return http.sendAsync(signed("GET", pathAndQuery, new byte[0]).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest.Builder signed(String method, String pathAndQuery, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String signature = HubRequestSignature.sign(secret,
                HubRequestSignature.canonical(method, pathAndQuery, timestamp, nonce, body));
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header(HubRequestSignature.CLIENT_ID_HEADER, clientId)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, signature);
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
