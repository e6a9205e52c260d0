package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Request-side helpers of the map, payment and exchange sandboxes (answers come from {@link SandboxAnswers}):
 * query parameters, the path, non-JSON answers, and {@link Refusal} for answering with the error body.
 */
final class SandboxRequests {

    private SandboxRequests() {
    }

    /** A query parameter's first value, or {@code null}. */
    static String query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    /** The path without query, e.g. {@code /map/geocode}. */
    static String path(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** A 200 non-JSON answer (tiles, reconciliation files), keeping the mapping's injected delay. */
    static ResponseDefinition bytes(ServeEvent event, String contentType, byte[] body) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200).withHeader("Content-Type", contentType).withBody(body);
        Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
        if (delay != null) {
            builder.withFixedDelay(delay);
        }
        return builder.build();
    }

    /** Thrown by a service's handler to answer with the error body {@code {"code","message","requestId"}}. */
    static final class Refusal extends RuntimeException {

        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        ResponseDefinition answer(ServeEvent event) {
            return SandboxAnswers.error(event, status, code, getMessage());
        }
    }
}
