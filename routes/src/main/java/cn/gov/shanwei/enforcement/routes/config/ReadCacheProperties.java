package cn.gov.shanwei.enforcement.routes.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hub.read-cache.{map,tiles,base-libraries}.*}: the hub's caches of read-only provider answers (ADR 0305).
 * Every setting has a default.
 *
 * @param map           geocode, reverse geocode, division and feature answers (by count)
 * @param tiles         map tiles (by bytes)
 * @param baseLibraries 法人库 and 法规库 answers (by count; 人口库 is never cached)
 */
@ConfigurationProperties(prefix = "hub.read-cache")
public record ReadCacheProperties(Cache map, Cache tiles, Cache baseLibraries) {

    public ReadCacheProperties {
        map = Cache.orDefault(map, new Cache(10_000L, Duration.ofMinutes(30), Duration.ofHours(24)));
        tiles = Cache.orDefault(tiles, new Cache(64L * 1024 * 1024, Duration.ofHours(12), Duration.ofDays(7)));
        baseLibraries = Cache.orDefault(baseLibraries, new Cache(10_000L, Duration.ofHours(1), Duration.ofDays(1)));
    }

    /**
     * @param maximum      most answers kept (for tiles: most bytes)
     * @param freshFor     how long an answer is served without calling the provider
     * @param keepStaleFor how long after that it may be served, marked stale, while the provider is unavailable
     */
    public record Cache(Long maximum, Duration freshFor, Duration keepStaleFor) {

        static Cache orDefault(Cache configured, Cache defaults) {
            if (configured == null) {
                return defaults;
            }
            return new Cache(configured.maximum == null ? defaults.maximum : configured.maximum,
                    configured.freshFor == null ? defaults.freshFor : configured.freshFor,
                    configured.keepStaleFor == null ? defaults.keepStaleFor : configured.keepStaleFor);
        }
    }
}
