package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.GatewayCredentials;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.net.URI;
import java.util.Optional;

/**
 * The default, one-machine set-up: the province sandbox from {@code contracts} runs in-process on a free local
 * port and every adapter points at it. Never in {@code prod}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
public class SandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    public ProvinceSandbox provinceSandbox(Environment environment, @Value("${hub.sandbox.port:0}") int port) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("hub.sandbox.enabled=true in the prod profile: the province sandbox"
                    + " must never stand in for the province in production");
        }
        ProvinceSandbox sandbox = port == 0 ? ProvinceSandbox.start() : ProvinceSandbox.start(port);
        LOG.info("Province sandbox (not the province!) listening at {}", sandbox.baseUrl());
        return sandbox;
    }

    @Bean
    public ProviderEndpoints providerEndpoints(ProvinceSandbox sandbox) {
        return new ProviderEndpoints() {
            @Override
            public URI endpointOf(Provider provider) {
                return sandbox.endpoint(serviceOf(provider));
            }

            @Override
            public Optional<URI> healthUrlOf(Provider provider) {
                return Optional.of(sandbox.healthUrl(serviceOf(provider)));
            }
        };
    }

    /** The sandbox's TIF gateway accepts its published test credentials, for every provider. */
    @Bean
    public GatewayCredentials gatewayCredentials() {
        return provider -> new TifCredentials(SandboxCredentials.TIF_PAAS_ID, SandboxCredentials.TIF_TOKEN);
    }

    private static SandboxService serviceOf(Provider provider) {
        return SandboxService.valueOf(provider.name());
    }
}
