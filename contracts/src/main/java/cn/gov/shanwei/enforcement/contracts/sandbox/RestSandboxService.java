package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Base of the stateful REST services of the sandbox (map, payment, exchange): a transformer named by the service's
 * mappings ({@code "transformers": [name]}), never applied globally, which turns a {@link SandboxRequests.Refusal}
 * into the provider's error body.
 */
abstract class RestSandboxService implements ResponseDefinitionTransformerV2 {

    private final String name;

    RestSandboxService(String name) {
        this.name = name;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    @Override
    public final ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        try {
            return answer(event, request, SandboxRequests.path(request));
        } catch (SandboxRequests.Refusal refusal) {
            return refusal.answer(event);
        }
    }

    /**
     * The answer to one request.
     *
     * @throws SandboxRequests.Refusal to answer with the error body
     */
    abstract ResponseDefinition answer(ServeEvent event, Request request, String path);
}
