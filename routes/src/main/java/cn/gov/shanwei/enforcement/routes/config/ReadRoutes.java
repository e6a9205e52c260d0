package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.support.CachedProviderRead;
import cn.gov.shanwei.enforcement.routes.support.ProviderCallInvoker;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.ProducerTemplate;

import java.time.Clock;
import java.util.function.ToIntFunction;

/** Builds the invokers and cached reads of one provider's read routes, which share its breaker and settings. */
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
        return new ProviderCallInvoker(template, provider, operation, routeId, settings, translator, recorder, clock);
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
