package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

/**
 * One 256-pixel tile of 粤政图's geographic (lon/lat) tiling: at zoom {@code z} the world is
 * {@code 2^z} tiles wide and {@code 2^(z-1)} tall (one tile at z = 0), each tile {@code 360 / 2^z} degrees square;
 * x counts east from −180°, y counts south from +90°:
 * <pre>x = floor((lon + 180) / 360 · 2^z),  y = floor((90 − lat) / 360 · 2^z)</pre>
 *
 * @param z zoom level, 0 to {@link #MAX_ZOOM}
 * @param x column, 0 to {@code 2^z − 1}
 * @param y row, 0 to {@code max(1, 2^(z−1)) − 1}
 */
public record TileAddress(int z, long x, long y) {

    /** Deepest zoom level served (about 0.3 m per pixel). */
    public static final int MAX_ZOOM = 20;
    /** Width and height of a tile in pixels. */
    public static final int TILE_PIXELS = 256;

    /** @throws AdapterValidationException naming z, x or y if it is outside the tiling */
    public TileAddress {
        if (z < 0 || z > MAX_ZOOM) {
            throw invalid("z", "must be between 0 and " + MAX_ZOOM + " (was " + z + ")");
        }
        if (x < 0 || x >= columns(z)) {
            throw invalid("x", "must be between 0 and " + (columns(z) - 1) + " at zoom " + z + " (was " + x + ")");
        }
        if (y < 0 || y >= rows(z)) {
            throw invalid("y", "must be between 0 and " + (rows(z) - 1) + " at zoom " + z + " (was " + y + ")");
        }
    }

    /** The tile containing {@code point} at zoom {@code z}; points on the east or south edge of the world fold in. */
    public static TileAddress containing(GeoPoint point, int z) {
        if (z < 0 || z > MAX_ZOOM) {
            throw invalid("z", "must be between 0 and " + MAX_ZOOM + " (was " + z + ")");
        }
        double perDegree = Math.scalb(1.0, z) / 360.0;
        long x = Math.min(columns(z) - 1, (long) Math.floor((point.lon() + 180.0) * perDegree));
        long y = Math.min(rows(z) - 1, (long) Math.floor((90.0 - point.lat()) * perDegree));
        return new TileAddress(z, x, y);
    }

    /** Degrees of longitude (and latitude) one tile spans at zoom {@code z}. */
    public static double tileDegrees(int z) {
        return 360.0 / Math.scalb(1.0, z);
    }

    /** The area this tile covers. */
    public BoundingBox bounds() {
        double size = tileDegrees(z);
        double west = -180.0 + x * size;
        double north = 90.0 - y * size;
        return new BoundingBox(west, Math.max(-90.0, north - size), west + size, north);
    }

    private static long columns(int z) {
        return 1L << z;
    }

    private static long rows(int z) {
        return z == 0 ? 1 : 1L << (z - 1);
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(MapClient.PROVIDER, "tile", field, reason);
    }
}
