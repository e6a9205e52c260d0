package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What every provider's routes share: settings, the breaker and bulkhead registries and a clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProvidersProperties.class)
public class ProviderResilienceConfiguration {

    /**
     * The registry holds one breaker per provincial provider from the start, configured from its
     * {@code hub.providers.<code>.*} settings, whether the hub calls it synchronously, on the durable path (seal,
     * payment notices) or both: the durable consumers, the scheduled jobs and provider health all find it here. A
     * route's own {@link ProviderResilience#breaker} then gets the same instance. Webhook receivers get none
     * (ADR 0913).
     */
    @Bean
    public CircuitBreakerRegistry providerCircuitBreakerRegistry(HubProvidersProperties providers) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        for (Provider provider : Provider.values()) {
            if (provider.isProvincial()) {
                ProviderResilience.breaker(registry, provider, providers.settingsFor(provider));
            }
        }
        return registry;
    }

    /** One bulkhead per provider, shared by all its synchronous routes ({@code ProviderResilience.bulkhead}). */
    @Bean
    public BulkheadRegistry providerBulkheadRegistry() {
        return BulkheadRegistry.ofDefaults();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

}
