package cn.gov.shanwei.enforcement.sdk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110, section 10.2.3). */
final class RetryAfter {

    // Anything longer is not a retry hint any budget could honour; capping avoids overflow.
    private static final long MAX_SECONDS = 86_400;

    private RetryAfter() {
    }

    /** The delay the header asks for, or {@code null} when absent or unreadable. Never negative. */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 6 ? Duration.ofSeconds(MAX_SECONDS)
                    : Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The delay from a problem body's {@code retryAfterSeconds}, or {@code null}. */
    static Duration ofSeconds(Long seconds) {
        return seconds == null || seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_SECONDS));
    }
}
