package cn.gov.shanwei.enforcement.domain.geo;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/**
 * One 256-pixel tile of 粤政图's geographic (lon/lat) tiling: at zoom {@code z} the world is {@code 2^z} tiles wide
 * and {@code 2^(z-1)} tall (one tile at z = 0); x counts east from −180°, y south from +90°.
 *
 * @param layer the layer, e.g. {@code vec} or {@code img}
 * @param z     zoom, 0 to {@link #MAX_ZOOM}
 * @param x     column, 0 to {@code 2^z − 1}
 * @param y     row, 0 to {@code max(1, 2^(z−1)) − 1}
 */
public record MapTileRef(String layer, int z, long x, long y) {

    public static final int MAX_ZOOM = 20;
    public static final int TILE_PIXELS = 256;

    /** @throws DomainValidationException naming layer, z, x or y */
    public MapTileRef {
        if (layer == null || !FeatureSearch.LAYER.matcher(layer).matches()) {
            throw new DomainValidationException("layer", "must be 1-64 of a-z, 0-9, '_' or '-'");
        }
        if (z < 0 || z > MAX_ZOOM) {
            throw new DomainValidationException("z", "must be between 0 and " + MAX_ZOOM + " (was " + z + ")");
        }
        long columns = 1L << z;
        long rows = z == 0 ? 1 : 1L << (z - 1);
        if (x < 0 || x >= columns) {
            throw new DomainValidationException("x", "must be between 0 and " + (columns - 1) + " at zoom " + z);
        }
        if (y < 0 || y >= rows) {
            throw new DomainValidationException("y", "must be between 0 and " + (rows - 1) + " at zoom " + z);
        }
    }
}
