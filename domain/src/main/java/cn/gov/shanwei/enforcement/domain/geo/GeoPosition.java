package cn.gov.shanwei.enforcement.domain.geo;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/**
 * A point in CGCS2000 (EPSG:4490) longitude/latitude, decimal degrees: the only coordinates the hub passes to
 * 粤政图. Offset systems (GCJ-02, BD-09) are refused where a caller names its system (ADR 0302).
 *
 * @param lon longitude, −180 to 180
 * @param lat latitude, −90 to 90
 */
public record GeoPosition(double lon, double lat) {

    /** @throws DomainValidationException naming {@code lon} or {@code lat} */
    public GeoPosition {
        check("lon", lon, 180);
        check("lat", lat, 90);
        lon = lon + 0.0; // -0.0 → 0.0: equal points are equal cache keys
        lat = lat + 0.0;
    }

    static void check(String field, double value, double limit) {
        if (!Double.isFinite(value)) {
            throw new DomainValidationException(field, "must be a finite number of degrees");
        }
        if (value < -limit || value > limit) {
            throw new DomainValidationException(field,
                    "must be between -" + (int) limit + " and " + (int) limit + " degrees (was " + value + ")");
        }
    }
}
