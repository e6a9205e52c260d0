package cn.gov.shanwei.enforcement.adapters.common.rest;

import java.time.Instant;
import java.util.Objects;

/**
 * A read-only answer and how old it is. {@code stale} is true when the provider could not be reached and this is
 * an older answer kept in the cache: show it as such (e.g. "as of 10:02, the map service is unavailable").
 *
 * @param value     the answer
 * @param fetchedAt when the provider gave this answer
 * @param stale     whether it was served because the provider is down
 * @param <V>       the answer's type
 */
public record Cached<V>(V value, Instant fetchedAt, boolean stale) {

    public Cached {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
