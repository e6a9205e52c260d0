package cn.gov.shanwei.enforcement.adapters.map;

import java.util.Objects;

/**
 * A WFS answer as GeoJSON (RFC 7946), checked: a {@code FeatureCollection} of {@code Feature}s, each with a known
 * geometry type (or null) and an object of properties, no more features than asked for, within the size limit.
 *
 * @param layer        the layer queried
 * @param geoJson      the GeoJSON text, ready to hand to a browser map
 * @param featureCount number of features in it
 */
public record FeatureCollection(String layer, String geoJson, int featureCount) {

    public FeatureCollection {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(geoJson, "geoJson");
    }

    @Override
    public String toString() {
        return "FeatureCollection[layer=" + layer + ", features=" + featureCount + ", " + geoJson.length() + " chars]";
    }
}
