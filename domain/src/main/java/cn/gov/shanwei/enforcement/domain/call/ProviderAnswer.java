package cn.gov.shanwei.enforcement.domain.call;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A read-only answer of a provincial provider and how old it is. {@code stale} is true when the provider could not
 * answer and this is an older answer the hub kept: show it as such ("as of 10:02; the map service is unavailable").
 * Which operations may be answered stale is decided per operation (ADR 0403).
 *
 * @param value     the answer
 * @param answeredAt when the provider gave this answer
 * @param stale     whether it is served because the provider is unavailable now
 * @param <T>       the answer's type
 */
public record ProviderAnswer<T>(T value, Instant answeredAt, boolean stale) {

    public ProviderAnswer {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    /** A fresh answer, given now. */
    public static <T> ProviderAnswer<T> fresh(T value, Instant answeredAt) {
        return new ProviderAnswer<>(value, answeredAt, false);
    }

    /** The same age and staleness for a mapped value. */
    public <R> ProviderAnswer<R> map(Function<? super T, ? extends R> mapper) {
        return new ProviderAnswer<>(mapper.apply(value), answeredAt, stale);
    }
}
