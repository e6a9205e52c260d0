package cn.gov.shanwei.enforcement.app.clients;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void tryTake_afterTheBurst_refusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(300));

        now.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void tryTake_afterALongQuietSpell_neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void limiter_keepsOneBucketPerClient() {
        ClientRateLimiter limiter = new ClientRateLimiter(now::get);
        HubClient a = new HubClient("a-system", null, List.of(), Set.of(), Map.of(),
                new HubClient.RateLimit(1, 1));
        HubClient b = new HubClient("b-system", null, List.of(), Set.of(), Map.of(),
                new HubClient.RateLimit(1, 1));

        assertThat(limiter.tryAcquire(a)).isZero();
        assertThat(limiter.tryAcquire(a)).isPositive();
        assertThat(limiter.tryAcquire(b)).isZero();
    }

    @Test
    void bucket_withZeroRate_isRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
