package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;

import java.net.URI;
import java.util.Optional;

/**
 * Where each provider is reached. The application supplies one: the in-process province sandbox by default,
 * configured provincial URLs in {@code prod}.
 */
public interface ProviderEndpoints {

    /**
     * @throws IllegalStateException if no endpoint is configured for the provider
     */
    URI endpointOf(Provider provider);

    /** A URL answering 2xx while the provider is up, if the provider offers one; probed by the hub's health. */
    default Optional<URI> healthUrlOf(Provider provider) {
        return Optional.empty();
    }
}
