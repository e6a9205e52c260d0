package cn.gov.shanwei.enforcement.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void ceiling_whenRetriesGrow_doublesUpToTheCap() {
        assertThat(Backoff.ceiling(policy, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.ceiling(policy, 2)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoff.ceiling(policy, 4)).isEqualTo(Duration.ofMillis(1600));
        assertThat(Backoff.ceiling(policy, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.ceiling(policy, 500)).isEqualTo(Duration.ofSeconds(2));
    }

    @RepeatedTest(20)
    void jittered_whenDrawn_staysWithinZeroAndCeiling() {
        assertThat(Backoff.jittered(policy, 3)).isBetween(Duration.ZERO, Duration.ofMillis(800));
    }

    @Test
    void jittered_whenNoBackoff_isZero() {
        assertThat(Backoff.jittered(RetryPolicy.none(), 1)).isEqualTo(Duration.ZERO);
    }
}
