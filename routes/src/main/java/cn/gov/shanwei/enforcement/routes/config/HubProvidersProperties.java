package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Map;

/** {@code hub.providers.<code>.*}: per-provider call settings, defaults where nothing is set. */
@ConfigurationProperties(prefix = "hub")
public record HubProvidersProperties(Map<String, ProviderCallSettings> providers) {

    public HubProvidersProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        for (String key : providers.keySet()) {
            boolean known = false;
            for (Provider provider : Provider.values()) {
                known |= provider.code().equals(key.toLowerCase(Locale.ROOT));
            }
            if (!known) {
                throw new IllegalArgumentException("hub.providers." + key + " names no provider; known: "
                        + java.util.Arrays.stream(Provider.values()).map(Provider::code).toList());
            }
        }
    }

    public ProviderCallSettings settingsFor(Provider provider) {
        ProviderCallSettings settings = providers.get(provider.code());
        return settings == null ? ProviderCallSettings.defaults() : settings;
    }
}
