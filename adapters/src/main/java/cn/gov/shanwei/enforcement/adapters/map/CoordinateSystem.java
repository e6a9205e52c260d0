package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.Locale;

/**
 * The coordinate systems a caller may name. Only {@link #CGCS2000} is the map's own; {@link #WGS84} is accepted as
 * the same lon/lat (the two frames differ by centimetres in Guangdong, far below what enforcement needs).
 * GCJ-02 (火星坐标, consumer web maps) and BD-09 (Baidu) are deliberately obfuscated offsets of up to several hundred
 * metres: they are refused, never silently used — see ADR 0302.
 */
public enum CoordinateSystem {
    /** China Geodetic Coordinate System 2000, EPSG:4490: the system of 粤政图. */
    CGCS2000,
    /** WGS 84, EPSG:4326 (GPS): accepted as CGCS2000. */
    WGS84;

    /**
     * The system a name stands for: {@code EPSG:4490}, {@code CGCS2000}, {@code urn:ogc:def:crs:EPSG::4490},
     * {@code EPSG:4326}, {@code WGS84} (case and separators ignored).
     *
     * @throws AdapterValidationException for GCJ-02 / BD-09 (with the reason) and for any other name
     */
    public static CoordinateSystem parse(String name) {
        if (name == null || name.isBlank()) {
            throw new AdapterValidationException(MapClient.PROVIDER, GeoPoint.OPERATION, "crs", "is required");
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        switch (key) {
            case "EPSG:4490", "CGCS2000", "URN:OGC:DEF:CRS:EPSG::4490":
                return CGCS2000;
            case "EPSG:4326", "WGS84", "URN:OGC:DEF:CRS:EPSG::4326", "CRS84":
                return WGS84;
            case "GCJ02", "GCJ", "MARS", "AMAP", "GAODE", "TENCENT":
                throw new AdapterValidationException(MapClient.PROVIDER, GeoPoint.OPERATION, "crs",
                        "GCJ-02 is refused: its offset of up to several hundred metres would misplace the point; "
                                + "send CGCS2000 (EPSG:4490) longitude/latitude");
            case "BD09", "BD09LL", "BD09MC", "BAIDU":
                throw new AdapterValidationException(MapClient.PROVIDER, GeoPoint.OPERATION, "crs",
                        "BD-09 (Baidu) is refused: it is an offset system; send CGCS2000 (EPSG:4490) "
                                + "longitude/latitude");
            default:
                throw new AdapterValidationException(MapClient.PROVIDER, GeoPoint.OPERATION, "crs",
                        "'" + name.strip() + "' is not supported: send CGCS2000 (EPSG:4490) longitude/latitude");
        }
    }
}
