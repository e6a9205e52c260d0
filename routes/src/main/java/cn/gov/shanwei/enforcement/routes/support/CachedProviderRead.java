package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * A read-only provider operation behind a bounded read-through cache (Caffeine), outside its route: an answer
 * younger than {@code freshFor} is served without calling the provider (monitoring record
 * {@code SERVED_FROM_CACHE}); otherwise the route is called, and if the provider is unavailable — down, too slow,
 * breaker open, bulkhead full — an answer kept for at most {@code keepStaleFor} more is served
 * {@linkplain ProviderAnswer#stale() marked stale}. A provider's rejection or unusable answer is never hidden behind a
 * kept one. Why here and not in the adapter: ADR 0305.
 *
 * <p>Thread-safe. Two callers missing the same key may both call the provider; the later answer wins.
 *
 * @param <K> the cache key (a record of the inputs that decide the answer)
 * @param <V> the answer (immutable)
 */
public final class CachedProviderRead<K, V> {

    private final ProviderCallInvoker invoker;
    private final Cache<K, Kept<V>> kept;
    private final Duration freshFor;
    private final Clock clock;

    private CachedProviderRead(ProviderCallInvoker invoker, Cache<K, Kept<V>> kept, Duration freshFor, Clock clock) {
        this.invoker = invoker;
        this.kept = kept;
        this.freshFor = freshFor;
        this.clock = clock;
    }

    /** A cache holding at most {@code maximumSize} answers. */
    public static <K, V> CachedProviderRead<K, V> bySize(ProviderCallInvoker invoker, long maximumSize,
                                                        Duration freshFor, Duration keepStaleFor, Clock clock) {
        return new CachedProviderRead<>(invoker, builder(freshFor, keepStaleFor, clock)
                .maximumSize(positive("maximumSize", maximumSize)).build(), freshFor, clock);
    }

    /** A cache bounded by the total weight of its answers (e.g. tile bytes). */
    public static <K, V> CachedProviderRead<K, V> byWeight(ProviderCallInvoker invoker, long maximumWeight,
                                                          ToIntFunction<V> weigher, Duration freshFor,
                                                          Duration keepStaleFor, Clock clock) {
        Objects.requireNonNull(weigher, "weigher");
        Cache<K, Kept<V>> cache = builder(freshFor, keepStaleFor, clock)
                .maximumWeight(positive("maximumWeight", maximumWeight))
                .weigher((K key, Kept<V> entry) -> weigher.applyAsInt(entry.value()))
                .build();
        return new CachedProviderRead<>(invoker, cache, freshFor, clock);
    }

    private static Caffeine<Object, Object> builder(Duration freshFor, Duration keepStaleFor, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (freshFor == null || freshFor.isNegative() || freshFor.isZero()) {
            throw new IllegalArgumentException("cache freshFor must be positive");
        }
        if (keepStaleFor == null || keepStaleFor.isNegative()) {
            throw new IllegalArgumentException("cache keepStaleFor must be zero or positive");
        }
        return Caffeine.newBuilder()
                .expireAfterWrite(freshFor.plus(keepStaleFor))
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run); // evict on the caller's thread: the bound holds when put returns
    }

    private static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("cache " + name + " must be positive");
        }
        return value;
    }

    /**
     * The answer for {@code key}: kept and fresh, else the provider's (sent as {@code body} through the route), else
     * kept and stale.
     *
     * @throws ProviderUnavailableException when the provider cannot answer and nothing is kept
     */
    @SuppressWarnings("unchecked")
    public ProviderAnswer<V> read(K key, Object body, CallContext context) {
        Objects.requireNonNull(key, "key");
        Instant start = clock.instant();
        Kept<V> entry = kept.getIfPresent(key);
        if (entry != null && entry.fetchedAt().plus(freshFor).isAfter(start)) {
            invoker.recordServedFromCache(start, context);
            return new ProviderAnswer<>(entry.value(), entry.fetchedAt(), false);
        }
        V value;
        try {
            value = (V) invoker.invoke(body, context, Object.class);
        } catch (ProviderUnavailableException unavailable) {
            if (entry != null) {
                // The failed call has its own monitoring record (UNAVAILABLE / REJECTED_LOCALLY).
                return new ProviderAnswer<>(entry.value(), entry.fetchedAt(), true);
            }
            throw unavailable;
        }
        Instant now = clock.instant();
        kept.put(key, new Kept<>(value, now));
        return ProviderAnswer.fresh(value, now);
    }

    /** Answers kept (approximate). */
    public long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    private record Kept<V>(V value, Instant fetchedAt) {
    }
}
