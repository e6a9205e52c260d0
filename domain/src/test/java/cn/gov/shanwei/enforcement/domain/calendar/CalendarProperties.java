package cn.gov.shanwei.enforcement.domain.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static org.assertj.core.api.Assertions.assertThat;

class CalendarProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(2021, 1, 1).toEpochDay(), LocalDate.of(2027, 6, 30).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void aWorkingDayPeriodNeverEndsOnARestDay(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate end = BUNDLED.endOf(start, LegalPeriod.workingDays(n)).lastDay();
        assertThat(BUNDLED.isWorkingDay(end)).isTrue();
        assertThat(BUNDLED.workingDaysBetween(start, end)).isEqualTo(n);
    }

    @Property
    void aNaturalDayPeriodEndsOnAWorkingDayNoEarlierThanItsLastDay(@ForAll("days") LocalDate start,
                                                                   @ForAll @IntRange(min = 1, max = 120) int n) {
        LocalDate end = BUNDLED.endOf(start, LegalPeriod.days(n)).lastDay();
        assertThat(BUNDLED.isWorkingDay(end)).isTrue();
        assertThat(end).isAfterOrEqualTo(start.plusDays(n));
        for (LocalDate d = start.plusDays(n); d.isBefore(end); d = d.plusDays(1)) {
            assertThat(BUNDLED.isRestDay(d)).as("only rest days are skipped").isTrue();
        }
    }

    @Property
    void workingDayPeriodsAdd(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 15) int a,
                              @ForAll @IntRange(min = 1, max = 15) int b) {
        LocalDate first = BUNDLED.endOf(start, LegalPeriod.workingDays(a)).lastDay();
        assertThat(BUNDLED.endOf(first, LegalPeriod.workingDays(b)).lastDay())
                .isEqualTo(BUNDLED.endOf(start, LegalPeriod.workingDays(a + b)).lastDay());
    }

    @Property
    void addingASuspensionNeverMovesADeadlineEarlier(@ForAll("days") LocalDate start,
                                                     @ForAll @IntRange(min = 1, max = 120) int n,
                                                     @ForAll @IntRange(min = 0, max = 100) int stopAfter,
                                                     @ForAll @IntRange(min = 0, max = 40) int stopLength,
                                                     @ForAll boolean workingDays) {
        LegalPeriod period = workingDays ? LegalPeriod.workingDays(Math.min(n, 30)) : LegalPeriod.days(n);
        LocalDate stop = start.plusDays(stopAfter);
        ExcludedPeriod suspension = new ExcludedPeriod("中止", stop, stop.plusDays(stopLength));
        LocalDate without = BUNDLED.endOf(start, period).lastDay();
        LocalDate with = BUNDLED.endOf(start, period, List.of(suspension)).lastDay();
        assertThat(with).isAfterOrEqualTo(without);
    }

    @Property
    void onlyCountsTouching2027OrLaterAreProvisional(@ForAll("days") LocalDate start,
                                                     @ForAll @IntRange(min = 1, max = 20) int n) {
        PeriodEnd end = BUNDLED.endOf(start, LegalPeriod.workingDays(n));
        assertThat(end.provisional()).isEqualTo(end.lastDay().getYear() >= 2027);
    }
}
