package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

/**
 * A point in CGCS2000 (EPSG:4490) geographic coordinates, in decimal degrees. Every coordinate entering the map
 * client passes through here, so an impossible or foreign-datum point never reaches the provider.
 *
 * @param lon longitude, −180 to 180
 * @param lat latitude, −90 to 90
 */
public record GeoPoint(double lon, double lat) {

    /** Operation name carried by coordinate validation failures. */
    public static final String OPERATION = "coordinates";

    /**
     * @throws AdapterValidationException naming {@code lon} or {@code lat} if it is not finite or out of range
     */
    public GeoPoint {
        check("lon", lon, 180);
        check("lat", lat, 90);
        lon = lon + 0.0; // -0.0 → 0.0, so equal points are equal keys
        lat = lat + 0.0;
    }

    /** A CGCS2000 point. */
    public static GeoPoint of(double lon, double lat) {
        return new GeoPoint(lon, lat);
    }

    /**
     * A point given in a named coordinate system.
     *
     * @throws AdapterValidationException for GCJ-02, BD-09, unknown systems and out-of-range values
     */
    public static GeoPoint of(double lon, double lat, String crs) {
        CoordinateSystem.parse(crs);
        return new GeoPoint(lon, lat);
    }

    private static void check(String field, double value, double limit) {
        if (!Double.isFinite(value)) {
            throw new AdapterValidationException(MapClient.PROVIDER, OPERATION, field, "must be a finite number");
        }
        if (value < -limit || value > limit) {
            throw new AdapterValidationException(MapClient.PROVIDER, OPERATION, field,
                    "must be between -" + (int) limit + " and " + (int) limit + " degrees (was " + value + ")");
        }
    }
}
