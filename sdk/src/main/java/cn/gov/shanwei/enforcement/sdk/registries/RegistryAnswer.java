package cn.gov.shanwei.enforcement.sdk.registries;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cached base-library answer: what was found, if anything, and how old it is.
 *
 * @param value      the record; empty when the library has none
 * @param answeredAt when the library gave this answer
 * @param stale      true when the exchange is unavailable and this is an older answer the hub kept
 * @param <T>        {@link Organisation} or {@link LawArticle}
 */
public record RegistryAnswer<T>(Optional<T> value, Instant answeredAt, boolean stale) {

    /** A {@code null} value is taken as empty. */
    public RegistryAnswer {
        value = value == null ? Optional.empty() : value;
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
