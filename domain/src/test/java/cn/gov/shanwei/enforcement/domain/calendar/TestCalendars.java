package cn.gov.shanwei.enforcement.domain.calendar;

import java.time.LocalDate;

/** Shared fixtures: the bundled calendar is immutable, so one instance serves every test. */
public final class TestCalendars {

    /** The calendar shipped in the release (notices 2021–2026, 2027 not announced). */
    public static final WorkingDayCalendar BUNDLED = WorkingDayCalendar.bundled();

    private TestCalendars() {
    }

    /** Short date literal for scenarios: {@code d("2024-10-12")}. */
    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
