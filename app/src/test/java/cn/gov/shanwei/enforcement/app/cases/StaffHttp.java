package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP calls to the staff API as one caller: a staff bearer token, a signed client acting for an officer, or
 * nobody. Answers are parsed JSON with the status.
 */
public final class StaffHttp {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;
    private final String bearer;
    private final String clientId;
    private final String secret;
    private final String officerId;

    private StaffHttp(URI base, String bearer, String clientId, String secret, String officerId) {
        this.base = base;
        this.bearer = bearer;
        this.clientId = clientId;
        this.secret = secret;
        this.officerId = officerId;
    }

    /** Staff signed on with a bearer token. */
    static StaffHttp bearer(int port, String token) {
        return new StaffHttp(URI.create("http://127.0.0.1:" + port), token, null, null, null);
    }

    /** A signed client acting for {@code officerId} (null: names none). */
    static StaffHttp client(int port, String clientId, String secret, String officerId) {
        return new StaffHttp(URI.create("http://127.0.0.1:" + port), null, clientId, secret, officerId);
    }

    /** Nobody. */
    static StaffHttp anonymous(int port) {
        return new StaffHttp(URI.create("http://127.0.0.1:" + port), null, null, null, null);
    }

    /** An answer: status, body text and parsed JSON (null when not JSON), and every header. */
    record Answer(int status, String body, JsonNode json, HttpHeaders headers) {
        /** The ETag header, or null. */
        String etag() {
            return header("ETag");
        }

        String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        /** The first value of a response header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer get(String path) {
        return send("GET", path, new byte[0], null, null);
    }

    /** A GET whose answer is binary (a case file). */
    byte[] getBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
            authenticate(request, "GET", path, new byte[0]);
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, Object body) {
        return post(path, body, null);
    }

    Answer post(String path, Object body, String ifMatch) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return send("POST", path, bytes, "application/json", ifMatch);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST carrying {@code Idempotency-Key: key}. */
    Answer postKeyed(String path, Object body, String key) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return send("POST", path, bytes, "application/json", null, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer put(String path, Object body, String ifMatch) {
        try {
            return send("PUT", path, JSON.writeValueAsBytes(body), "application/json", ifMatch);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart form: text fields (a list value repeats the field) and one file part named {@code file}. */
    Answer multipart(String path, Map<String, Object> fields, String fileName, byte[] file, String ifMatch) {
        return multipart("POST", path, fields, fileName, file, ifMatch);
    }

    /** As {@link #multipart(String, Map, String, byte[], String)}, with another method (e.g. PUT). */
    Answer multipart(String method, String path, Map<String, Object> fields, String fileName, byte[] file,
                     String ifMatch) {
        String boundary = "----hub" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String[]> pairs = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                list.forEach(item -> pairs.add(new String[] {k, String.valueOf(item)}));
            } else {
                pairs.add(new String[] {k, String.valueOf(v)});
            }
        });
        for (String[] p : pairs) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\"\r\n\r\n" + p[1]
                    + "\r\n");
        }
        if (file != null) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
            out.writeBytes(file);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return send(method, path, out.toByteArray(), "multipart/form-data; boundary=" + boundary, ifMatch);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String method, String path, byte[] body, String contentType, String ifMatch) {
        return send(method, path, body, contentType, ifMatch, null);
    }

    private Answer send(String method, String path, byte[] body, String contentType, String ifMatch,
                        String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        authenticate(request, method, path, body);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authenticate(HttpRequest.Builder request, String method, String path, byte[] body) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (clientId != null && officerId != null) {
            SignedHttp.signActingFor(request, method, path, body, clientId, secret, officerId);
        } else if (clientId != null) {
            SignedHttp.sign(request, method, path, body, clientId, secret);
        }
    }
}
