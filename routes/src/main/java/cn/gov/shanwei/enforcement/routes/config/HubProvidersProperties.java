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
        for (Provider provider : Provider.values()) {
            ProviderCallSettings settings = providers.get(provider.code());
            if (settings != null) {
                requireKnownOperations(provider, settings);
            }
        }
    }

    /** Limits set for an operation no synchronous route of the provider calls would never apply: refused. */
    private static void requireKnownOperations(Provider provider, ProviderCallSettings settings) {
        java.util.Set<String> known = SynchronousOperations.of(provider);
        java.util.Set<String> knownNormalised = new java.util.HashSet<>();
        known.forEach(operation -> knownNormalised.add(ProviderCallSettings.normalised(operation)));
        for (String operation : new java.util.TreeSet<>(settings.configuredOperations())) {
            if (!knownNormalised.contains(operation)) {
                throw new IllegalArgumentException("hub.providers." + provider.code() + ".operations names "
                        + operation + ", which is no synchronous operation of " + provider.code() + "; known: "
                        + (known.isEmpty() ? "none (the hub calls it on the durable path only)" : known));
            }
        }
    }

    public ProviderCallSettings settingsFor(Provider provider) {
        ProviderCallSettings settings = providers.get(provider.code());
        return settings == null ? ProviderCallSettings.defaults() : settings;
    }
}
