package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.map.CoordinateSystem;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;

/**
 * The boundary check of coordinates: the named system must be CGCS2000 (or WGS 84, the same lon/lat to within
 * centimetres); GCJ-02 and BD-09 are refused with the reason (ADR 0302), values out of range are refused by name.
 */
public final class Coordinates {

    /** What a request that names no system is taken to mean. */
    public static final String DEFAULT_CRS = "EPSG:4490";

    private Coordinates() {
    }

    /** @throws DomainValidationException naming {@code crs} */
    public static void requireCgcs2000(String crs) {
        try {
            CoordinateSystem.parse(crs == null ? DEFAULT_CRS : crs);
        } catch (AdapterValidationException e) {
            String message = e.getMessage();
            int reason = message.indexOf("crs ");
            throw new DomainValidationException("crs", reason < 0 ? message : message.substring(reason + 4));
        }
    }

    /** @throws DomainValidationException naming {@code crs}, {@code lon} or {@code lat} */
    public static GeoPosition position(Double lon, Double lat, String crs) {
        requireCgcs2000(crs);
        if (lon == null) {
            throw new DomainValidationException("lon", "is required");
        }
        if (lat == null) {
            throw new DomainValidationException("lat", "is required");
        }
        return new GeoPosition(lon, lat);
    }
}
