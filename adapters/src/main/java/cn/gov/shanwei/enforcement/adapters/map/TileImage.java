package cn.gov.shanwei.enforcement.adapters.map;

import java.util.Objects;

/**
 * A map tile as the hub serves it to browsers.
 *
 * @param bytes       the image (do not modify: it is shared with the cache)
 * @param contentType {@code image/png} or {@code image/jpeg}
 * @param stale       whether it is an older copy served because the map service is down
 */
public record TileImage(byte[] bytes, String contentType, boolean stale) {

    public TileImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public String toString() {
        return "TileImage[" + contentType + ", " + bytes.length + " bytes" + (stale ? ", stale" : "") + "]";
    }
}
