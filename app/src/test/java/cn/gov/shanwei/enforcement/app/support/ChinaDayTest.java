package cn.gov.shanwei.enforcement.app.support;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ChinaDayTest {

    @Test
    void untilMidnight_countsToTheNextMidnightInShanghai() {
        assertThat(ChinaDay.untilMidnight(ZonedDateTime.of(2026, 11, 29, 23, 59, 0, 0, PenaltyContext.CHINA)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(ChinaDay.untilMidnight(ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, PenaltyContext.CHINA)))
                .isEqualTo(Duration.ofDays(1));
        // 16:00 UTC is Shanghai's midnight
        assertThat(ChinaDay.untilMidnight(ZonedDateTime.parse("2026-11-29T15:58:30Z")
                .withZoneSameInstant(PenaltyContext.CHINA))).isEqualTo(Duration.ofSeconds(90));
    }
}
