package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Calls to the supervision API as one caller: a registered client signing with HMAC (optionally acting for an
 * officer), or staff with a bearer token.
 */
final class SupervisionHttp {

    private final SignedHttp http;
    private final URI base;
    private final String clientId;
    private final String secret;
    private final String officerId;
    private final String bearer;

    SupervisionHttp(URI base, String clientId, String secret) {
        this(base, clientId, secret, null, null);
    }

    private SupervisionHttp(URI base, String clientId, String secret, String officerId, String bearer) {
        this.http = new SignedHttp(base);
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
        this.officerId = officerId;
        this.bearer = bearer;
    }

    /** Staff signed on with {@code token}. */
    static SupervisionHttp bearer(URI base, String token) {
        return new SupervisionHttp(base, null, null, null, token);
    }

    /** A signed client acting for {@code officerId} ({@code X-Hub-Officer-Id}). */
    static SupervisionHttp actingFor(URI base, String clientId, String secret, String officerId) {
        return new SupervisionHttp(base, clientId, secret, officerId, null);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(signed("GET", pathAndQuery, new byte[0]).GET().build());
    }

    /** A GET whose answer is binary (a report document). */
    HttpResponse<byte[]> getBytes(String pathAndQuery) {
        return http.send(signed("GET", pathAndQuery, new byte[0]).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
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
        if (bearer != null) {
            return HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Authorization", "Bearer " + bearer);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery));
        if (officerId != null) {
            return SignedHttp.signActingFor(request, method, pathAndQuery, body, clientId, secret, officerId);
        }
        return SignedHttp.sign(request, method, pathAndQuery, body, clientId, secret);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
