package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a command needs from outside the case: the clock (never the system time directly), the working-day
 * calendar in force, the configured thresholds and an event-id source.
 *
 * @param clock    the injected clock
 * @param calendar the calendar in force (e.g. {@code RefreshableCalendar::get})
 * @param rules    the configured thresholds and periods
 * @param ids      the source of event ids
 */
public record PenaltyContext(Clock clock, Supplier<WorkingDayCalendar> calendar, PenaltyRules rules,
                             Supplier<UUID> ids) {

    /** Statutory days are counted in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public PenaltyContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(ids, "ids");
    }

    /** A context with random event ids. */
    public static PenaltyContext of(Clock clock, Supplier<WorkingDayCalendar> calendar, PenaltyRules rules) {
        return new PenaltyContext(clock, calendar, rules, UUID::randomUUID);
    }

    /** Now. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in China. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** A fresh event id. */
    public UUID newEventId() {
        return ids.get();
    }

    /** The same clock, calendar and ids for commands on coercive measures and inspections. */
    public CommandContext commands() {
        return new CommandContext(clock, calendar, ids);
    }
}
