package cn.gov.shanwei.enforcement.domain.geo;

import java.util.Objects;

/**
 * A tile image.
 *
 * @param bytes       PNG or JPEG bytes (shared with the cache: do not modify)
 * @param contentType {@code image/png} or {@code image/jpeg}
 */
public record MapTile(byte[] bytes, String contentType) {

    public MapTile {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public String toString() {
        return "MapTile[" + contentType + ", " + bytes.length + " bytes]";
    }
}
