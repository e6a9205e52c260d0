package cn.gov.shanwei.enforcement.domain.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("期间计算: how periods are counted")
class PeriodCountingTest {

    @Test
    @DisplayName("5 working days from Thursday 8 Feb 2024 skip the whole 春节 break and count Sunday 18 Feb: 21 Feb")
    void workingDaysAcrossSpringFestival2024() {
        PeriodEnd end = BUNDLED.endOf(d("2024-02-08"), LegalPeriod.workingDays(5));

        assertThat(end.lastDay()).isEqualTo(d("2024-02-21"));
        assertThat(end.provisional()).isFalse();
    }

    @Test
    @DisplayName("7 working days from Friday 27 Sep 2024 end on the 调休 Saturday 12 Oct 2024")
    void workingDaysEndOnMakeUpSaturday() {
        assertThat(BUNDLED.endOf(d("2024-09-27"), LegalPeriod.workingDays(7)).lastDay()).isEqualTo(d("2024-10-12"));
    }

    @Test
    @DisplayName("The start day is not counted: 1 working day from a Monday is the Tuesday")
    void startDayNotCounted() {
        assertThat(BUNDLED.endOf(d("2025-03-10"), LegalPeriod.workingDays(1)).lastDay()).isEqualTo(d("2025-03-11"));
        assertThat(BUNDLED.endOf(d("2025-03-10"), LegalPeriod.days(1)).lastDay()).isEqualTo(d("2025-03-11"));
    }

    @Test
    @DisplayName("15 natural days ending on 5 Oct 2024 (国庆) move to the first working day, 8 Oct")
    void naturalDaysEndingInNationalDayMove() {
        assertThat(BUNDLED.endOf(d("2024-09-20"), LegalPeriod.days(15)).lastDay()).isEqualTo(d("2024-10-08"));
    }

    @Test
    @DisplayName("15 natural days ending on 16 Feb 2026 (春节) move past the whole break to 24 Feb 2026")
    void naturalDaysEndingInSpringFestival2026Move() {
        assertThat(BUNDLED.endOf(d("2026-02-01"), LegalPeriod.days(15)).lastDay()).isEqualTo(d("2026-02-24"));
    }

    @Test
    @DisplayName("A natural period ending on a plain Saturday moves to Monday; ending on a 调休 Sunday it stays")
    void naturalDaysWeekendAndMakeUpDay() {
        assertThat(BUNDLED.endOf(d("2025-03-05"), LegalPeriod.days(10)).lastDay()).isEqualTo(d("2025-03-17"));
        assertThat(BUNDLED.endOf(d("2025-09-18"), LegalPeriod.days(10)).lastDay())
                .as("28 Sep 2025 is a make-up working Sunday").isEqualTo(d("2025-09-28"));
    }

    @Test
    @DisplayName("Months end on the corresponding day, or the month's last day when there is none")
    void monthsCorrespondingDay() {
        assertThat(BUNDLED.endOf(d("2025-07-10"), LegalPeriod.months(3)).lastDay()).isEqualTo(d("2025-10-10"));
        assertThat(BUNDLED.endOf(d("2025-08-31"), LegalPeriod.months(6)).lastDay())
                .as("28 Feb 2026 is a 调休 Saturday").isEqualTo(d("2026-02-28"));
        assertThat(BUNDLED.endOf(d("2025-05-31"), LegalPeriod.months(1)).lastDay())
                .as("30 June 2025 is a Monday").isEqualTo(d("2025-06-30"));
    }

    @Test
    @DisplayName("Ten days of 中止 push a 90-day period ten counting days later")
    void suspensionIsExcluded() {
        ExcludedPeriod suspension = new ExcludedPeriod("中止: 等待鉴定", d("2025-08-01"), d("2025-08-11"));

        PeriodEnd end = BUNDLED.endOf(d("2025-07-01"), LegalPeriod.days(90), List.of(suspension));

        assertThat(BUNDLED.endOf(d("2025-07-01"), LegalPeriod.days(90)).lastDay()).isEqualTo(d("2025-09-29"));
        assertThat(end.lastDay()).as("9 Oct 2025 is the first working day after 国庆").isEqualTo(d("2025-10-09"));
        assertThat(suspension.length()).isEqualTo(10);
    }

    @Test
    @DisplayName("Excluded days do not count as working days either")
    void suspensionInWorkingDays() {
        ExcludedPeriod stop = new ExcludedPeriod("检测", d("2025-03-11"), d("2025-03-13"));
        assertThat(BUNDLED.endOf(d("2025-03-10"), LegalPeriod.workingDays(3), List.of(stop)).lastDay())
                .isEqualTo(d("2025-03-17"));
    }

    @Test
    @DisplayName("A count that reaches into 2027 is provisional; one that stays in 2026 is not")
    void countsInto2027AreProvisional() {
        assertThat(BUNDLED.endOf(d("2026-12-28"), LegalPeriod.workingDays(5)))
                .isEqualTo(new PeriodEnd(d("2027-01-04"), true));
        assertThat(BUNDLED.endOf(d("2026-12-20"), LegalPeriod.days(15)).provisional()).isTrue();
        assertThat(BUNDLED.endOf(d("2026-12-01"), LegalPeriod.days(15)).provisional()).isFalse();
    }

    @Test
    @DisplayName("Periods must be at least one day, and a clock cannot restart before it stopped")
    void invalidInputsAreRefused() {
        assertThatThrownBy(() -> LegalPeriod.days(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExcludedPeriod("x", d("2025-01-02"), d("2025-01-01")))
                .hasMessageContaining("before it stopped");
        assertThatThrownBy(() -> BUNDLED.endOf(d("2025-01-02"), LegalPeriod.months(1),
                List.of(new ExcludedPeriod("x", d("2025-01-03"), d("2025-01-04")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
