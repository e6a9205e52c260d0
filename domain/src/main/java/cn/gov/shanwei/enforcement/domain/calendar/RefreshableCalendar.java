package cn.gov.shanwei.enforcement.domain.calendar;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the calendar in force and lets operations swap in a newer one at run time (for example when the
 * State Council publishes next year's notice). Readers always see one complete calendar.
 */
public final class RefreshableCalendar implements Supplier<WorkingDayCalendar> {

    private final AtomicReference<WorkingDayCalendar> current;

    public RefreshableCalendar(WorkingDayCalendar initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** Starts from the calendar shipped with the release. */
    public static RefreshableCalendar bundled() {
        return new RefreshableCalendar(WorkingDayCalendar.bundled());
    }

    /** The calendar in force now. */
    @Override
    public WorkingDayCalendar get() {
        return current.get();
    }

    /** Adds or replaces the notices found in {@code directory}; returns the calendar now in force. */
    public WorkingDayCalendar loadFrom(Path directory) {
        return current.updateAndGet(c -> c.withNoticesFrom(directory));
    }

    /** Adds or replaces one notice; returns the calendar now in force. */
    public WorkingDayCalendar load(HolidayNotice notice) {
        return current.updateAndGet(c -> c.withNotice(notice));
    }
}
