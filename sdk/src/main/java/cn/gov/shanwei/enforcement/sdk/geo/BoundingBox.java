package cn.gov.shanwei.enforcement.sdk.geo;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import java.util.List;

/**
 * A CGCS2000 lon/lat rectangle: west, south, east, north edges in degrees.
 *
 * @param minLon west edge
 * @param minLat south edge
 * @param maxLon east edge
 * @param maxLat north edge
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /** @throws ValidationException (status 0) when an edge is out of range or a minimum is not below its maximum */
    public BoundingBox {
        GeoPoint.of(minLon, minLat);
        GeoPoint.of(maxLon, maxLat);
        if (!(minLon < maxLon) || !(minLat < maxLat)) {
            throw ValidationException.clientSide(List.of(new FieldError("bbox",
                    "needs minLon < maxLon and minLat < maxLat")));
        }
    }

    /** The box between a south-west and a north-east corner. */
    public static BoundingBox of(GeoPoint southWest, GeoPoint northEast) {
        return new BoundingBox(southWest.lon(), southWest.lat(), northEast.lon(), northEast.lat());
    }
}
