package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderResilienceConfigurationTest {

    @Test
    void everyProvincialProvider_hasItsBreakerFromTheStart_configuredFromItsSettings_webhooksNone() {
        ProviderCallSettings seal = new ProviderCallSettings(null, null, null, null, null, null, null, null, 30f, 6,
                3, Duration.ofSeconds(2), null, null);
        CircuitBreakerRegistry registry = new ProviderResilienceConfiguration()
                .providerCircuitBreakerRegistry(new HubProvidersProperties(Map.of("seal", seal)));

        for (Provider provider : Provider.values()) {
            assertThat(registry.find(provider.code()).isPresent()).as(provider.code())
                    .isEqualTo(provider.isProvincial());
        }
        assertThat(registry.find(Provider.WEBHOOK.code())).isEmpty();
        CircuitBreakerConfig sealConfig = registry.find("seal").map(CircuitBreaker::getCircuitBreakerConfig)
                .orElseThrow();
        assertThat(sealConfig.getFailureRateThreshold()).isEqualTo(30f);
        assertThat(sealConfig.getSlidingWindowSize()).isEqualTo(6);
        assertThat(sealConfig.getMinimumNumberOfCalls()).isEqualTo(3);
        assertThat(sealConfig.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(2_000L);
        assertThat(registry.find("payment").orElseThrow().getCircuitBreakerConfig().getMinimumNumberOfCalls())
                .as("defaults where nothing is set").isEqualTo(ProviderCallSettings.defaults().minimumCalls());
    }
}
