package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.routes.config.GatewayCredentials;
import org.springframework.core.env.Environment;

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

    /**
     * The hub's TIF gateway credentials per provider: {@code hub.providers.<code>.paas-id} and
     * {@code hub.providers.<code>.tif-token} (e.g. {@code HUB_PROVIDERS_MAP_TIF_TOKEN}). Asked for when a provider's
     * client is built, so a missing one stops start-up naming the setting.
     */
    @Bean
    public GatewayCredentials gatewayCredentials(Environment environment) {
        return provider -> {
            String prefix = "hub.providers." + provider.code() + ".";
            String paasId = environment.getProperty(prefix + "paas-id");
            String token = environment.getProperty(prefix + "tif-token");
            if (paasId == null || paasId.isBlank() || token == null || token.isBlank()) {
                throw new IllegalStateException(prefix + "paas-id and " + prefix + "tif-token are required outside"
                        + " the sandbox: the " + provider.chineseName() + " provider is reached through the TIF"
                        + " gateway");
            }
            return new TifCredentials(paasId, token);
        };
    }
}
