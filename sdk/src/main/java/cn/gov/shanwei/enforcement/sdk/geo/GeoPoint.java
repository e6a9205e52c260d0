package cn.gov.shanwei.enforcement.sdk.geo;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A point in CGCS2000 (EPSG:4490) longitude/latitude, decimal degrees — the hub's only coordinate system. Convert
 * GCJ-02 (Amap, Tencent) or BD-09 (Baidu) positions before you send them: the hub refuses those systems.
 *
 * @param lon longitude, −180 to 180
 * @param lat latitude, −90 to 90
 */
public record GeoPoint(double lon, double lat) {

    /** @throws ValidationException (status 0) naming {@code lon} or {@code lat} */
    public GeoPoint {
        List<FieldError> errors = new ArrayList<>();
        Checks.degrees(errors, "lon", lon, 180);
        Checks.degrees(errors, "lat", lat, 90);
        Checks.throwIfAny(errors);
    }

    /** A CGCS2000 point. */
    public static GeoPoint of(double lon, double lat) {
        return new GeoPoint(lon, lat);
    }
}
