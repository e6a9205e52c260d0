package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Answers of the sandbox's stateful REST services. Each keeps the matched mapping's delay (so
 * {@link ProvinceSandbox#simulateLatency} works for them too) and carries an {@code x-request-id}.
 */
final class SandboxAnswers {

    private SandboxAnswers() {
    }

    /** 200 with {@code body} as JSON. */
    static ResponseDefinition json(ServeEvent event, Object body) {
        return json(event, 200, body);
    }

    /** {@code status} with {@code body} as JSON. */
    static ResponseDefinition json(ServeEvent event, int status, Object body) {
        return like(event).withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(Json.write(body)).build();
    }

    /** The error body REST adapters read: {@code {"code","message","requestId"}}. */
    static ResponseDefinition error(ServeEvent event, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("requestId", UUID.randomUUID().toString());
        return json(event, status, body);
    }

    /** A 302 redirect to {@code location}. */
    static ResponseDefinition redirect(ServeEvent event, String location) {
        return like(event).withStatus(302).withHeader("Location", location).withBody("").build();
    }

    private static ResponseDefinitionBuilder like(ServeEvent event) {
        ResponseDefinition matched = event.getResponseDefinition();
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withHeader("x-request-id", UUID.randomUUID().toString());
        if (matched.getFixedDelayMilliseconds() != null) {
            builder.withFixedDelay(matched.getFixedDelayMilliseconds());
        }
        return builder;
    }

    /** The request body as a JSON object, or {@code null} when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(ServeEvent event) {
        try {
            Object parsed = Json.read(event.getRequest().getBodyAsString(), Object.class);
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string member of a JSON object, or {@code null}. */
    static String text(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        return value instanceof String text ? text : null;
    }
}
