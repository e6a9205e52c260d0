package cn.gov.shanwei.enforcement.adapters.common.rest;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A bounded read-through cache for read-only provider answers (Caffeine): an answer younger than
 * {@code freshFor} is served from memory; an older one is fetched again, and if the provider cannot be reached
 * (a {@linkplain ProviderException#isRetryable() retryable} failure) the older answer is served instead,
 * {@linkplain Cached#stale() marked stale}, for at most {@code keepStaleFor} after it went out of date. Rejections
 * and invalid answers are never hidden behind a cached value: they are the provider's word.
 *
 * <p>Thread-safe. Two threads missing the same key may both ask the provider; the later answer wins.
 *
 * @param <K> key type (a record of the query's inputs)
 * @param <V> answer type (immutable)
 */
public final class StaleTolerantCache<K, V> {

    private final Cache<K, Entry<V>> entries;
    private final Duration freshFor;
    private final Clock clock;

    /**
     * @param maximumSize  most entries kept (least recently used go first); positive
     * @param freshFor     how long an answer is served without asking the provider; positive
     * @param keepStaleFor how long after that an answer may still be served while the provider is down; ≥ 0
     * @param clock        the clock ages are measured on
     * @throws IllegalArgumentException if a setting is out of range, naming it
     */
    public StaleTolerantCache(long maximumSize, Duration freshFor, Duration keepStaleFor, Clock clock) {
        this(positive("maximumSize", maximumSize), null, freshFor, keepStaleFor, clock);
    }

    /**
     * A cache bounded by the total weight of its answers (e.g. bytes of map tiles) instead of their number.
     *
     * @param maximumWeight most total weight kept; positive
     * @param weigher       the weight of one answer
     */
    public static <K, V> StaleTolerantCache<K, V> byWeight(long maximumWeight, ToIntFunction<V> weigher,
                                                           Duration freshFor, Duration keepStaleFor, Clock clock) {
        return new StaleTolerantCache<>(positive("maximumWeight", maximumWeight),
                Objects.requireNonNull(weigher, "weigher"), freshFor, keepStaleFor, clock);
    }

    private StaleTolerantCache(long bound, ToIntFunction<V> weigher, Duration freshFor, Duration keepStaleFor,
                               Clock clock) {
        RestTransport.Builder.requirePositive("cache freshFor", freshFor);
        if (keepStaleFor == null || keepStaleFor.isNegative()) {
            throw new IllegalArgumentException("cache keepStaleFor must be zero or positive");
        }
        this.freshFor = freshFor;
        this.clock = Objects.requireNonNull(clock, "clock");
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .expireAfterWrite(freshFor.plus(keepStaleFor))
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run); // evict on the caller's thread: the bound holds when put returns
        this.entries = weigher == null
                ? builder.maximumSize(bound).build()
                : builder.maximumWeight(bound)
                        .weigher((K key, Entry<V> entry) -> weigher.applyAsInt(entry.value)).build();
    }

    private static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("cache " + name + " must be positive");
        }
        return value;
    }

    /**
     * The cached answer for {@code key} while fresh; otherwise {@code loader}'s, cached; otherwise, if the loader
     * fails retryably and an older answer is still kept, that one marked stale.
     *
     * @throws ProviderException the loader's failure when nothing may be served in its place
     */
    public Cached<V> get(K key, Supplier<V> loader) {
        Objects.requireNonNull(key, "key");
        Entry<V> kept = entries.getIfPresent(key);
        Instant now = clock.instant();
        if (kept != null && kept.fetchedAt.plus(freshFor).isAfter(now)) {
            return new Cached<>(kept.value, kept.fetchedAt, false);
        }
        V value;
        try {
            value = loader.get();
        } catch (ProviderException failure) {
            if (failure.isRetryable() && kept != null) {
                return new Cached<>(kept.value, kept.fetchedAt, true);
            }
            throw failure;
        }
        entries.put(key, new Entry<>(value, now));
        return new Cached<>(value, now, false);
    }

    /** Number of answers kept (approximate, as Caffeine counts). */
    public long size() {
        return entries.estimatedSize();
    }

    /** Forgets every answer. */
    public void clear() {
        entries.invalidateAll();
    }

    private record Entry<V>(V value, Instant fetchedAt) {
    }
}
