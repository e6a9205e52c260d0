package cn.gov.shanwei.enforcement.domain.geo;

import java.util.Objects;

/**
 * The features a {@link FeatureSearch} found, as checked GeoJSON (RFC 7946) text.
 *
 * @param layer        the layer queried
 * @param geoJson      a {@code FeatureCollection}
 * @param featureCount how many features it holds
 */
public record FeatureSet(String layer, String geoJson, int featureCount) {

    public FeatureSet {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(geoJson, "geoJson");
    }

    @Override
    public String toString() {
        return "FeatureSet[" + layer + ", " + featureCount + " features]";
    }
}
