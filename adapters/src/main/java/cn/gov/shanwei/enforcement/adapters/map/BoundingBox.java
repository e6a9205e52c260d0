package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.Locale;

/**
 * A lon/lat rectangle in CGCS2000 (EPSG:4490): west, south, east, north edges in degrees. Does not cross the
 * antimeridian (no Guangdong query needs it).
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /**
     * @throws AdapterValidationException if an edge is out of range or a minimum is not below its maximum
     */
    public BoundingBox {
        new GeoPoint(minLon, minLat);
        new GeoPoint(maxLon, maxLat);
        if (!(minLon < maxLon) || !(minLat < maxLat)) {
            throw new AdapterValidationException(MapClient.PROVIDER, GeoPoint.OPERATION, "bbox",
                    "needs minLon < maxLon and minLat < maxLat");
        }
    }

    /** The box spanned by two corners. */
    public static BoundingBox of(GeoPoint southWest, GeoPoint northEast) {
        return new BoundingBox(southWest.lon(), southWest.lat(), northEast.lon(), northEast.lat());
    }

    /** Whether {@code point} lies inside or on the edge. */
    public boolean contains(GeoPoint point) {
        return point.lon() >= minLon && point.lon() <= maxLon && point.lat() >= minLat && point.lat() <= maxLat;
    }

    /** {@code minLon,minLat,maxLon,maxLat} as the WFS {@code bbox} parameter writes it. */
    public String toParameter() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", minLon, minLat, maxLon, maxLat);
    }
}
