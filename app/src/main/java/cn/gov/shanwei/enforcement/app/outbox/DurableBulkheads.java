package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.durable.CallLanes;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CallLanes} per provider for the durable path: {@code hub.providers.<code>.max-concurrent-calls} calls in
 * flight at once, every consumer and every durable operation of the provider together, and as many overlapping calls
 * of one batch (ADR 0408). Closing it stops the lanes' threads.
 */
public class DurableBulkheads implements AutoCloseable {

    private final HubProvidersProperties providers;
    private final Map<Provider, CallLanes> lanes = new ConcurrentHashMap<>();

    public DurableBulkheads(HubProvidersProperties providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    public CallLanes of(Provider provider) {
        return lanes.computeIfAbsent(provider, p -> CallLanes.bulkhead(
                providers.settingsFor(p).maxConcurrentCalls(), p.code()));
    }

    @Override
    public void close() {
        lanes.values().forEach(CallLanes::close);
    }
}
