package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The SDK's private JSON mapping: unknown fields ignored, nulls omitted, ISO-8601 dates. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** Serialises a request body. */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a successful answer's body; a body that does not fit is an {@link UnexpectedResponseException}. */
    static <T> T read(HubResponse response, Class<T> type) {
        try {
            T value = MAPPER.readValue(response.body(), type);
            if (value == null) {
                throw unexpected(response, "an empty body", null);
            }
            return value;
        } catch (IOException e) {
            throw unexpected(response, "a body that is not the expected JSON", e);
        }
    }

    /** Reads JSON text into {@code type} (for bodies that did not come as an answer, e.g. a webhook's). */
    static <T> T parse(byte[] json, Class<T> type) throws IOException {
        T value = MAPPER.readValue(json, type);
        if (value == null) {
            throw new IOException("empty JSON");
        }
        return value;
    }

    /** Writes a JSON tree as compact text. */
    static String text(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a JSON tree", e);
        }
    }

    /** Reads an error body as a problem, or {@code null} when it is not JSON. */
    static ProblemBody readProblem(byte[] body) {
        if (!looksLikeJsonObject(body)) {
            return null;
        }
        try {
            return MAPPER.readValue(body, ProblemBody.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** An {@link UnexpectedResponseException} for a successful answer the SDK cannot use. */
    static UnexpectedResponseException unexpected(HubResponse response, String what, Throwable cause) {
        return new UnexpectedResponseException(response.operation() + " failed: the hub answered HTTP "
                + response.status() + " with " + what + " (request id " + response.requestId()
                + "); is this SDK older than the hub?", response.status(), response.requestId(), cause);
    }

    private static boolean looksLikeJsonObject(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
