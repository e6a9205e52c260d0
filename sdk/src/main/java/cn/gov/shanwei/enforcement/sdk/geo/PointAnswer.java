package cn.gov.shanwei.enforcement.sdk.geo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a point query: what is there, if anything.
 *
 * @param value      the place or division; empty when the map has none there
 * @param answeredAt when 粤政图 gave this answer
 * @param stale      true when the map is unavailable and this is an older answer the hub kept
 * @param <T>        {@link Place} or {@link Division}
 */
public record PointAnswer<T>(Optional<T> value, Instant answeredAt, boolean stale) {

    /** A {@code null} value is taken as empty. */
    public PointAnswer {
        value = value == null ? Optional.empty() : value;
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
