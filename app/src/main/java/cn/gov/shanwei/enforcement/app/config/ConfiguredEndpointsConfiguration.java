package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.Optional;

/** Outside the sandbox (the {@code prod} profile): provincial URLs come from {@code hub.providers.<code>.endpoint}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "false", matchIfMissing = true)
public class ConfiguredEndpointsConfiguration {

    @Bean
    public ProviderEndpoints providerEndpoints(HubProvidersProperties properties) {
        return new ProviderEndpoints() {
            @Override
            public URI endpointOf(Provider provider) {
                URI endpoint = properties.settingsFor(provider).endpoint();
                if (endpoint == null) {
                    throw new IllegalStateException("hub.providers." + provider.code() + ".endpoint is not set:"
                            + " the " + provider.chineseName() + " provider's URL is required outside the sandbox");
                }
                return endpoint;
            }

            @Override
            public Optional<URI> healthUrlOf(Provider provider) {
                return Optional.ofNullable(properties.settingsFor(provider).healthUrl());
            }
        };
    }
}
