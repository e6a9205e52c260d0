package cn.gov.shanwei.enforcement.routes.config;

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

    @Bean
    public CircuitBreakerRegistry providerCircuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
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
