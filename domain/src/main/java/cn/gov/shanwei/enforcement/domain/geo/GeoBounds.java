package cn.gov.shanwei.enforcement.domain.geo;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/** A CGCS2000 lon/lat rectangle: west, south, east, north edges in degrees (not crossing the antimeridian). */
public record GeoBounds(double minLon, double minLat, double maxLon, double maxLat) {

    /** @throws DomainValidationException naming {@code bbox} */
    public GeoBounds {
        try {
            new GeoPosition(minLon, minLat);
            new GeoPosition(maxLon, maxLat);
        } catch (DomainValidationException e) {
            throw new DomainValidationException("bbox", e.getMessage());
        }
        if (!(minLon < maxLon) || !(minLat < maxLat)) {
            throw new DomainValidationException("bbox", "needs minLon < maxLon and minLat < maxLat");
        }
    }
}
