package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.adapters.map.MapClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The synchronous operations the hub's routes call, per provider, by the names their monitoring records carry: what
 * {@code hub.providers.<code>.operations.<operation>.*} may name. A new synchronous route adds its operation here;
 * until it does, limits set for it are refused at start-up rather than silently ignored.
 */
public final class SynchronousOperations {

    private static final Map<Provider, Set<String>> BY_PROVIDER = Map.of(
            Provider.LICENCE, Set.of(LicenceRouteConfiguration.VERIFY_OPERATION),
            Provider.MAP, Set.of(MapClient.GEOCODE, MapClient.REVERSE_GEOCODE, MapClient.DIVISION_OF,
                    MapClient.FEATURES, MapClient.TILE),
            Provider.EXCHANGE, Set.of(BaseLibraryClient.CHECK_PERSON, BaseLibraryClient.ORGANISATION,
                    BaseLibraryClient.LAW));

    private SynchronousOperations() {
    }

    /** The synchronous operations of {@code provider}, sorted; empty for a provider the hub only calls durably. */
    public static Set<String> of(Provider provider) {
        return new TreeSet<>(BY_PROVIDER.getOrDefault(provider, Set.of()));
    }
}
