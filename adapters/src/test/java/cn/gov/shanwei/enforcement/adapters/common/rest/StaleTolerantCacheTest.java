package cn.gov.shanwei.enforcement.adapters.common.rest;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaleTolerantCacheTest {

    final MovableClock clock = new MovableClock();
    final AtomicInteger calls = new AtomicInteger();

    String load() {
        return "answer-" + calls.incrementAndGet();
    }

    @Test
    void get_servesFreshFromMemory_thenAsksAgain_thenStaleOnlyWhileDown() {
        StaleTolerantCache<String, String> cache = new StaleTolerantCache<>(10, Duration.ofMinutes(1),
                Duration.ofMinutes(5), clock);
        assertThat(cache.get("k", this::load).value()).isEqualTo("answer-1");
        assertThat(cache.get("k", this::load).value()).isEqualTo("answer-1");

        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.get("k", this::load)).isEqualTo(new Cached<>("answer-2", clock.instant(), false));

        clock.advance(Duration.ofSeconds(61));
        Cached<String> stale = cache.get("k", () -> {
            throw new ProviderTransportException("map", "geocode", "down", 503, null);
        });
        assertThat(stale.stale()).isTrue();
        assertThat(stale.value()).isEqualTo("answer-2");

        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new ProviderRejectedException("map", "geocode", "no", "X", null, null);
        })).isInstanceOf(ProviderRejectedException.class);

        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new ProviderTransportException("map", "geocode", "down", 503, null);
        })).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void byWeight_keepsTheTotalWeightWithinTheBound() {
        StaleTolerantCache<Integer, byte[]> cache = StaleTolerantCache.byWeight(1000, b -> b.length,
                Duration.ofMinutes(1), Duration.ZERO, clock);
        for (int i = 0; i < 50; i++) {
            cache.get(i, () -> new byte[100]);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void settings_whenOutOfRange_areRefused() {
        assertThatThrownBy(() -> new StaleTolerantCache<>(0, Duration.ofMinutes(1), Duration.ZERO, clock))
                .hasMessageContaining("maximumSize");
        assertThatThrownBy(() -> new StaleTolerantCache<>(1, Duration.ZERO, Duration.ZERO, clock))
                .hasMessageContaining("freshFor");
        assertThatThrownBy(() -> new StaleTolerantCache<>(1, Duration.ofMinutes(1), Duration.ofMinutes(-1), clock))
                .hasMessageContaining("keepStaleFor");
    }
}
