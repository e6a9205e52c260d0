package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.rest.StaleTolerantCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Serves 粤政图 tiles to browsers through the hub, so no browser ever calls the provider (which needs gateway
 * signatures) and repeated views cost the province nothing: a byte-bounded cache of tiles, only for layers and
 * zoom levels that are allowed, with an older tile served (marked stale) while the map service is down.
 *
 * <p>Plain Java: the app maps {@code GET /api/v1/map/tiles/{layer}/{z}/{x}/{y}.png} onto {@link #tile}.
 * Thread-safe.
 */
public final class TileProxy {

    private final MapClient client;
    private final Set<String> layers;
    private final int maxZoom;
    private final StaleTolerantCache<Key, RestTransport.Binary> cache;

    private TileProxy(Builder builder) {
        this.client = builder.client;
        this.layers = Set.copyOf(builder.layers);
        this.maxZoom = builder.maxZoom;
        this.cache = StaleTolerantCache.byWeight(builder.maxCacheBytes, image -> image.bytes().length + 64,
                builder.freshFor, builder.keepStaleFor, builder.clock);
    }

    /** Starts a builder; {@code client} and at least one layer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tile at {@code z/x/y} of {@code layer}.
     *
     * @throws AdapterValidationException for a layer not allowed, a zoom above the limit, or x/y off the tiling
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderException when the map is down and no copy is kept,
     *                                                                      or its answer is not an image
     */
    public TileImage tile(String layer, int z, long x, long y) {
        if (layer == null || !layers.contains(layer)) {
            throw new AdapterValidationException(MapClient.PROVIDER, MapClient.TILE, "layer",
                    "is not one of the layers served: " + layers);
        }
        if (z > maxZoom) {
            throw new AdapterValidationException(MapClient.PROVIDER, MapClient.TILE, "z",
                    "must be at most " + maxZoom);
        }
        TileAddress address = new TileAddress(z, x, y);
        Cached<RestTransport.Binary> image = cache.get(new Key(layer, address),
                () -> client.fetchTile(layer, address));
        return new TileImage(image.value().bytes(), image.value().contentType(), image.stale());
    }

    /** Tiles kept (approximate). */
    public long cachedTiles() {
        return cache.size();
    }

    private record Key(String layer, TileAddress tile) {
    }

    /** Builds a {@link TileProxy}; not thread-safe, use once. */
    public static final class Builder {

        private MapClient client;
        private Set<String> layers = Set.of();
        private int maxZoom = TileAddress.MAX_ZOOM;
        private long maxCacheBytes = 64L * 1024 * 1024;
        private Duration freshFor = Duration.ofHours(12);
        private Duration keepStaleFor = Duration.ofDays(7);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The map client that fetches tiles; required. */
        public Builder client(MapClient client) {
            this.client = client;
            return this;
        }

        /** The layers browsers may ask for, e.g. {@code vec}, {@code img}; at least one. */
        public Builder layers(Set<String> layers) {
            this.layers = layers;
            return this;
        }

        /** Deepest zoom served; default {@link TileAddress#MAX_ZOOM}. */
        public Builder maxZoom(int maxZoom) {
            this.maxZoom = maxZoom;
            return this;
        }

        /** Memory the cache may use for tile bytes; default 64 MiB. */
        public Builder maxCacheBytes(long maxCacheBytes) {
            this.maxCacheBytes = maxCacheBytes;
            return this;
        }

        /** How long a tile is served without asking again; default 12 h. */
        public Builder freshFor(Duration freshFor) {
            this.freshFor = freshFor;
            return this;
        }

        /** How long after that a tile may be served stale while the map is down; default 7 days. */
        public Builder keepStaleFor(Duration keepStaleFor) {
            this.keepStaleFor = keepStaleFor;
            return this;
        }

        /** Clock for tile ages; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public TileProxy build() {
            Objects.requireNonNull(client, "client is required");
            if (layers == null || layers.isEmpty()) {
                throw new IllegalArgumentException("layers: at least one layer is required");
            }
            for (String layer : layers) {
                if (layer == null || !FeatureQuery.LAYER.matcher(layer).matches()) {
                    throw new IllegalArgumentException("layers: '" + layer + "' is not a valid layer name");
                }
            }
            if (maxZoom < 0 || maxZoom > TileAddress.MAX_ZOOM) {
                throw new IllegalArgumentException("maxZoom must be between 0 and " + TileAddress.MAX_ZOOM);
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            return new TileProxy(this);
        }
    }
}
