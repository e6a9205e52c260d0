package cn.gov.shanwei.enforcement.sdk.geo;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * 粤政图 (the provincial government map) through the hub. Obtain it from {@code EnforcementHubClient.geo()};
 * thread-safe; an interface so that your tests can mock it. Coordinates are CGCS2000 longitude/latitude. Every
 * answer says when the map gave it and whether it is {@code stale} (served by the hub while the map is down).
 * Needs the services {@code geo.geocode}, {@code geo.reverse-geocode}, {@code geo.division},
 * {@code geo.features}.
 */
public interface GeoClient {

    /** Geocodes an address: {@code GET /api/v1/geo/geocode}. */
    default GeocodeResult geocode(GeocodeRequest request) {
        return geocode(request, RequestOptions.none());
    }

    /** @see #geocode(GeocodeRequest) */
    GeocodeResult geocode(GeocodeRequest request, RequestOptions options);

    /** What lies at a point: {@code GET /api/v1/geo/reverse-geocode}. */
    default PointAnswer<Place> reverseGeocode(GeoPoint point) {
        return reverseGeocode(point, Purpose.none(), RequestOptions.none());
    }

    /** @see #reverseGeocode(GeoPoint) */
    PointAnswer<Place> reverseGeocode(GeoPoint point, Purpose purpose, RequestOptions options);

    /** The administrative division containing a point: {@code GET /api/v1/geo/divisions/containing}. */
    default PointAnswer<Division> divisionContaining(GeoPoint point) {
        return divisionContaining(point, Purpose.none(), RequestOptions.none());
    }

    /** @see #divisionContaining(GeoPoint) */
    PointAnswer<Division> divisionContaining(GeoPoint point, Purpose purpose, RequestOptions options);

    /** A WFS feature query: {@code POST /api/v1/geo/features}. */
    default FeatureResult features(FeatureRequest request) {
        return features(request, RequestOptions.none());
    }

    /** @see #features(FeatureRequest) */
    FeatureResult features(FeatureRequest request, RequestOptions options);
}
