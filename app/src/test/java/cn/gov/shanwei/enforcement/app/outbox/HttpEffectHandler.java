package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-scope handler: the shape of a production handler (an adapter call per method), against {@link EffectProvider}
 * over HTTP. The provider cannot deduplicate, so every retry is reconciled first.
 */
public final class HttpEffectHandler implements DurableCallHandler {

    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.EXCHANGE, "test-effect");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI base;
    private final int haltAfterEffects;
    private final AtomicInteger effects = new AtomicInteger();

    public HttpEffectHandler(URI base) {
        this(base, 0);
    }

    /**
     * @param haltAfterEffects if positive, the JVM is halted (as by {@code kill -9}) right after the provider took
     *                         this many effects through this handler: between a call and its batch's settlement
     */
    public HttpEffectHandler(URI base, int haltAfterEffects) {
        this.base = base;
        this.haltAfterEffects = haltAfterEffects;
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/effects"))
                .timeout(Duration.ofSeconds(3))
                .header("Idempotency-Key", call.idempotencyKey())
                .header("Business-Key", call.businessKey())
                .POST(HttpRequest.BodyPublishers.ofString(call.payload()));
        call.context().caseNo().ifPresent(caseNumber -> request.header("Case-Number", caseNumber));
        HttpResponse<String> response = send(request.build(), "execute");
        if (response.statusCode() == 201) {
            if (effects.incrementAndGet() == haltAfterEffects) {
                Runtime.getRuntime().halt(137);
            }
            return response.body();
        }
        if (response.statusCode() == 400) {
            throw new ProviderRejectedException("exchange", "test-effect", "refused", response.body(), null, null);
        }
        throw new ProviderTransportException("exchange", "test-effect", "HTTP " + response.statusCode(),
                response.statusCode(), null);
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    @Override
    public boolean alreadyDone(DurableCall call) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/effects/" + call.businessKey()))
                .timeout(Duration.ofSeconds(3)).GET().build(), "query");
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new ProviderTransportException("exchange", "test-effect-query",
                    "HTTP " + response.statusCode(), response.statusCode(), null);
        };
    }

    private HttpResponse<String> send(HttpRequest request, String operation) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderTransportException("exchange", operation, e.toString(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException("exchange", operation, "interrupted", 0, e);
        }
    }
}
