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
 * over HTTP (or, for a benchmark of the hub alone, by a direct call). The provider cannot deduplicate, so every retry
 * is reconciled first.
 */
public final class HttpEffectHandler implements DurableCallHandler {

    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.EXCHANGE, "test-effect");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI base;
    private final int haltAfterEffects;
    private final EffectProvider inProcess;
    private final AtomicInteger effects = new AtomicInteger();

    public HttpEffectHandler(URI base) {
        this(base, 0, false);
    }

    /**
     * @param haltAfterEffects if positive, the JVM is halted (as by {@code kill -9}) right after the provider took
     *                         this many effects through this handler: between a call and its batch's settlement
     * @param inProcess        call the provider stand-in running in this JVM directly instead of over HTTP: for a
     *                         benchmark of the hub without the cost of an HTTP exchange
     */
    public HttpEffectHandler(URI base, int haltAfterEffects, boolean inProcess) {
        this.base = base;
        this.haltAfterEffects = haltAfterEffects;
        this.inProcess = inProcess ? EffectProvider.at(base) : null;
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        EffectProvider.Answer response;
        if (inProcess != null) {
            response = inProcess.post(call.businessKey(), call.context().caseNumber());
        } else {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/effects"))
                    .timeout(Duration.ofSeconds(3))
                    .header("Idempotency-Key", call.idempotencyKey())
                    .header("Business-Key", call.businessKey())
                    .POST(HttpRequest.BodyPublishers.ofString(call.payload()));
            call.context().caseNo().ifPresent(caseNumber -> request.header("Case-Number", caseNumber));
            response = send(request.build(), "execute");
        }
        if (response.status() == 201) {
            if (effects.incrementAndGet() == haltAfterEffects) {
                Runtime.getRuntime().halt(137);
            }
            return response.body();
        }
        if (response.status() == 400) {
            throw new ProviderRejectedException("exchange", "test-effect", "refused", response.body(), null, null);
        }
        throw new ProviderTransportException("exchange", "test-effect", "HTTP " + response.status(),
                response.status(), null);
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    @Override
    public boolean alreadyDone(DurableCall call) {
        EffectProvider.Answer response = inProcess != null ? inProcess.query(call.businessKey())
                : send(HttpRequest.newBuilder(base.resolve("/effects/" + call.businessKey()))
                .timeout(Duration.ofSeconds(3)).GET().build(), "query");
        return switch (response.status()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new ProviderTransportException("exchange", "test-effect-query",
                    "HTTP " + response.status(), response.status(), null);
        };
    }

    private EffectProvider.Answer send(HttpRequest request, String operation) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new EffectProvider.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ProviderTransportException("exchange", operation, e.toString(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException("exchange", operation, "interrupted", 0, e);
        }
    }
}
