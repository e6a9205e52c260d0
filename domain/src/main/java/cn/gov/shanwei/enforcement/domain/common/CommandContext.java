package cn.gov.shanwei.enforcement.domain.common;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a command on a coercive measure or an inspection needs from outside the aggregate: the injected clock, the
 * working-day calendar in force and an event-id source. (The penalty case has its own {@code PenaltyContext},
 * which also carries the penalty thresholds.)
 *
 * @param clock    the injected clock (never the system time directly)
 * @param calendar the calendar in force (e.g. {@code RefreshableCalendar::get})
 * @param ids      the source of event ids
 */
public record CommandContext(Clock clock, Supplier<WorkingDayCalendar> calendar, Supplier<UUID> ids) {

    /** Statutory days are counted in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public CommandContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(ids, "ids");
    }

    /** A context with random event ids. */
    public static CommandContext of(Clock clock, Supplier<WorkingDayCalendar> calendar) {
        return new CommandContext(clock, calendar, UUID::randomUUID);
    }

    /** Now. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in China. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** The day in China of {@code instant}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }

    /** {@code instant} as an officer reads it: China time to the minute, e.g. "2025-03-07 21:30". */
    public static String timeText(Instant instant) {
        return LocalDateTime.ofInstant(instant, CHINA).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    /** Why {@code instant} may not be stated by an officer now (it lies in the future), or empty. */
    public Optional<String> futureTimeRefusal(Instant instant) {
        return instant.isAfter(now()) ? Optional.of("the time " + timeText(instant) + " is in the future")
                : Optional.empty();
    }

    /** A fresh event id. */
    public UUID newEventId() {
        return ids.get();
    }

    /** Why {@code day} may not be stated by an officer today (it lies in the future), or empty. */
    public Optional<String> futureDayRefusal(LocalDate day) {
        return day != null && day.isAfter(today()) ? Optional.of("the date " + day + " is in the future")
                : Optional.empty();
    }
}
