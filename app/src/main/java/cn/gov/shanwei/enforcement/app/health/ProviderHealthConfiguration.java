package cn.gov.shanwei.enforcement.app.health;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} component {@code providers}, with one entry per provincial provider (not for webhooks):
 * UP, DEGRADED, DOWN or UNKNOWN with the reason ({@link ProviderHealthIndicator}).
 */
@Configuration(proxyBeanMethods = false)
public class ProviderHealthConfiguration {

    @Bean
    public HealthContributor providers(CircuitBreakerRegistry breakers, ProviderEndpoints endpoints, Clock clock) {
        HealthProbe probe = HealthProbe.http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(2));
        Map<String, HealthContributor> byProvider = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            if (!provider.isProvincial()) {
                continue;   // the municipal systems' webhook receivers are not the hub's dependencies
            }
            byProvider.put(provider.code(), new ProviderHealthIndicator(provider,
                    () -> breakers.find(provider.code()), endpoints.healthUrlOf(provider), probe, clock));
        }
        return CompositeHealthContributor.fromMap(byProvider);
    }
}
