package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.common.rest.CachingClientBuilder;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.support.CachedProviderRead;
import cn.gov.shanwei.enforcement.routes.support.ProviderCallInvoker;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import cn.gov.shanwei.enforcement.routes.support.SynchronousCallRoute;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * Builds the routes, invokers and cached reads of one provider's synchronous reads, which share its settings,
 * breaker, bulkhead and time-limiter executor.
 */
final class ReadRoutes {

    private final ProducerTemplate template;
    private final Provider provider;
    private final ProviderCallSettings settings;
    private final ProviderFailureTranslator translator;
    private final CallRecorder recorder;
    private final Clock clock;

    ReadRoutes(ProducerTemplate template, Provider provider, HubProvidersProperties properties,
               CircuitBreaker breaker, CallRecorder recorder, Clock clock) {
        this.template = template;
        this.provider = provider;
        this.settings = properties.settingsFor(provider);
        this.translator = new ProviderFailureTranslator(provider, breaker, settings.retryAfterWhenDown());
        this.recorder = recorder;
        this.clock = clock;
    }

    ProviderCallInvoker invoker(String operation, String routeId) {
        return new ProviderCallInvoker(template, provider, operation, routeId, translator, recorder, clock);
    }

    /**
     * Sets a REST provider client's endpoint, gateway signer and timeouts from the hub's settings, and keeps its own
     * cache minimal: the hub caches in front of the route (ADR 0305), one cache and one staleness rule.
     */
    static <B extends CachingClientBuilder<B>> B configure(B builder, Provider provider, ProviderEndpoints endpoints,
                                                           GatewayCredentials credentials,
                                                           HubProvidersProperties properties, Clock clock) {
        ProviderCallSettings settings = properties.settingsFor(provider);
        return builder.endpoint(endpoints.endpointOf(provider))
                .signer(TifRequestSigner.of(credentials.of(provider)))
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.readTimeout())
                .cacheMaximumSize(1)
                .cacheFreshFor(Duration.ofMillis(1))
                .cacheKeepStaleFor(Duration.ZERO)
                .clock(clock);
    }

    /** The synchronous route of {@code operation}, with the operation's limits and the provider's bulkhead. */
    static RouteBuilder route(String routeId, Provider provider, String operation, HubProvidersProperties properties,
                              Bulkhead bulkhead, String breakerBean, String timeoutExecutorBean, Clock clock,
                              Object gateway, String gatewayMethod) {
        return new SynchronousCallRoute(routeId, properties.settingsFor(provider).limitsFor(operation), breakerBean,
                timeoutExecutorBean, bulkhead, clock, gateway, gatewayMethod);
    }

    <K, V> CachedProviderRead<K, V> cached(String operation, String routeId, ReadCacheProperties.Cache cache) {
        return CachedProviderRead.bySize(invoker(operation, routeId), cache.maximum(), cache.freshFor(),
                cache.keepStaleFor(), clock);
    }

    <K, V> CachedProviderRead<K, V> cachedByWeight(String operation, String routeId, ReadCacheProperties.Cache cache,
                                                   ToIntFunction<V> weigher) {
        return CachedProviderRead.byWeight(invoker(operation, routeId), cache.maximum(), weigher, cache.freshFor(),
                cache.keepStaleFor(), clock);
    }
}
