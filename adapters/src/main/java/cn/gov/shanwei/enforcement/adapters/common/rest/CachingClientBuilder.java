package cn.gov.shanwei.enforcement.adapters.common.rest;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;

import java.time.Clock;
import java.time.Duration;

/**
 * {@link TifClientBuilder} plus the settings of a {@link StaleTolerantCache} for clients whose reads are cached
 * (粤政图, the base libraries). Subclass it as {@code Builder extends CachingClientBuilder<Builder>}.
 *
 * @param <B> the concrete builder
 */
public abstract class CachingClientBuilder<B extends CachingClientBuilder<B>> extends TifClientBuilder<B> {

    private long cacheMaximumSize = 10_000;
    private Duration cacheFreshFor;
    private Duration cacheKeepStaleFor;
    private Clock clock = Clock.systemUTC();

    /**
     * @param defaultMaxResponseBytes the client's default response size limit
     * @param defaultFreshFor         the client's default {@link #cacheFreshFor}
     * @param defaultKeepStaleFor     the client's default {@link #cacheKeepStaleFor}
     */
    protected CachingClientBuilder(int defaultMaxResponseBytes, Duration defaultFreshFor,
                                   Duration defaultKeepStaleFor) {
        super(defaultMaxResponseBytes);
        this.cacheFreshFor = defaultFreshFor;
        this.cacheKeepStaleFor = defaultKeepStaleFor;
    }

    @SuppressWarnings("unchecked")
    private B me() {
        return (B) this;
    }

    /** Most answers cached; default 10,000. */
    public B cacheMaximumSize(long cacheMaximumSize) {
        this.cacheMaximumSize = cacheMaximumSize;
        return me();
    }

    /** How long an answer is served without asking the provider again. */
    public B cacheFreshFor(Duration cacheFreshFor) {
        this.cacheFreshFor = cacheFreshFor;
        return me();
    }

    /** How long after that an answer may still be served, marked stale, while the provider is down. */
    public B cacheKeepStaleFor(Duration cacheKeepStaleFor) {
        this.cacheKeepStaleFor = cacheKeepStaleFor;
        return me();
    }

    /** Clock for cache ages; default system UTC. */
    public B clock(Clock clock) {
        this.clock = clock;
        return me();
    }

    /**
     * Checks the cache settings and builds the cache.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    protected <K, V> StaleTolerantCache<K, V> cache() {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        return new StaleTolerantCache<>(cacheMaximumSize, cacheFreshFor, cacheKeepStaleFor, clock);
    }
}
