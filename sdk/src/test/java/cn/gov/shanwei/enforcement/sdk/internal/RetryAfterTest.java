package cn.gov.shanwei.enforcement.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void parse_whenDelaySeconds_returnsThatDelay() {
        assertThat(RetryAfter.parse(" 7 ", CLOCK)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void parse_whenHttpDate_returnsTimeUntilThen() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 05:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void parse_whenHttpDateInThePast_returnsZero() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 04:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_whenAbsentOrGarbage_returnsNull() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
        assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
    }

    @Test
    void parse_whenHuge_capsAtOneDay() {
        assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).isEqualTo(Duration.ofDays(1));
    }
}
