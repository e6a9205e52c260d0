package cn.gov.shanwei.enforcement.app.support;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The day as the hub counts it (Asia/Shanghai) for tests that drive the hub on the real clock, and an extension that
 * keeps each test off the day's last moments. A date taken once when a test class loaded is yesterday for the hub
 * after Shanghai's midnight (16:00 UTC), and a test that sends {@code today()} and then {@code Instant.now()} across
 * that midnight disagrees with itself: CI runs that crossed it failed with "the inspection took place on" the next
 * day. So tests ask {@link #today()} when they need it, and {@code @ExtendWith(ChinaDay.class)} waits, before a test,
 * until midnight has passed if it is less than {@link #MARGIN} away.
 */
public final class ChinaDay implements BeforeEachCallback {

    /** No test starts closer than this to Shanghai's midnight: longer than any one test of these classes takes. */
    static final Duration MARGIN = Duration.ofSeconds(90);

    /** Today in Asia/Shanghai, now. */
    public static LocalDate today() {
        return LocalDate.now(PenaltyContext.CHINA);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Duration left = untilMidnight(ZonedDateTime.now(PenaltyContext.CHINA));
        if (left.compareTo(MARGIN) < 0) {
            Thread.sleep(left.plusSeconds(1).toMillis());
        }
    }

    /** How long until the next midnight of {@code now}'s zone. */
    static Duration untilMidnight(ZonedDateTime now) {
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()));
    }
}
