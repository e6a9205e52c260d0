package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Signed GET and POST calls to the ops API, as an ops console would make them. */
final class OpsHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private final String clientId;
    private final String secret;

    OpsHttp(URI base, String clientId, String secret) {
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
    }

    URI base() {
        return base;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0]);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> unsignedGet(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String signature = HubRequestSignature.sign(secret,
                HubRequestSignature.canonical(method, pathAndQuery, timestamp, nonce, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header(HubRequestSignature.CLIENT_ID_HEADER, clientId)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, signature);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.GET();
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
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
