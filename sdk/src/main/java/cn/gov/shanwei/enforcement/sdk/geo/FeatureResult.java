package cn.gov.shanwei.enforcement.sdk.geo;

import java.time.Instant;

/**
 * The features found, as GeoJSON text (a {@code FeatureCollection}, RFC 7946), ready for a web map.
 *
 * @param layer        the layer queried
 * @param featureCount how many features
 * @param geoJson      the GeoJSON
 * @param answeredAt   when 粤政图 gave this answer
 * @param stale        true when the map is unavailable and this is an older answer the hub kept
 */
public record FeatureResult(String layer, int featureCount, String geoJson, Instant answeredAt, boolean stale) {
}
