package cn.gov.shanwei.enforcement.app.geo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code hub.geo.tiles.*}: what the tile proxy serves.
 *
 * @param tiles the tile layers browsers may ask for, the deepest zoom, and how long a browser may keep a tile
 */
@ConfigurationProperties(prefix = "hub.geo")
public record GeoProperties(Tiles tiles) {

    private static final Pattern LAYER = Pattern.compile("[a-z0-9_-]{1,64}");

    public GeoProperties {
        tiles = tiles == null ? new Tiles(null, null, null) : tiles;
    }

    /**
     * @param layers    layers served (default {@code vec}, {@code img})
     * @param maxZoom   deepest zoom served, 0–20 (default 18)
     * @param browserMaxAge {@code Cache-Control: max-age} of a fresh tile (default 1 h)
     */
    public record Tiles(Set<String> layers, Integer maxZoom, Duration browserMaxAge) {

        public Tiles {
            layers = layers == null || layers.isEmpty() ? Set.of("vec", "img") : Set.copyOf(layers);
            for (String layer : layers) {
                if (!LAYER.matcher(layer).matches()) {
                    throw new IllegalArgumentException("hub.geo.tiles.layers: '" + layer
                            + "' is not 1-64 of a-z, 0-9, '_' or '-'");
                }
            }
            maxZoom = maxZoom == null ? 18 : maxZoom;
            if (maxZoom < 0 || maxZoom > 20) {
                throw new IllegalArgumentException("hub.geo.tiles.max-zoom must be between 0 and 20");
            }
            browserMaxAge = browserMaxAge == null ? Duration.ofHours(1) : browserMaxAge;
            if (browserMaxAge.isNegative()) {
                throw new IllegalArgumentException("hub.geo.tiles.browser-max-age must not be negative");
            }
        }
    }
}
