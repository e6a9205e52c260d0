package cn.gov.shanwei.enforcement.domain.deadline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.LocalDate;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineProperties {

    private static final LocalDate DUE = LocalDate.of(2025, 3, 31);

    @Property
    void theSurchargeNeverExceedsTheFine(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long fine,
                                         @ForAll @IntRange(min = -100, max = 20_000) int daysLate) {
        long surcharge = LatePaymentSurcharge.accrued(fine, DUE, DUE.plusDays(daysLate));
        assertThat(surcharge).isBetween(0L, fine);
    }

    @Property
    void theSurchargeNeverShrinksWithTime(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long fine,
                                          @ForAll @IntRange(min = 0, max = 60) int daysLate) {
        assertThat(LatePaymentSurcharge.accrued(fine, DUE, DUE.plusDays(daysLate + 1L)))
                .isGreaterThanOrEqualTo(LatePaymentSurcharge.accrued(fine, DUE, DUE.plusDays(daysLate)));
    }

    @Property
    void theSurchargeIsThreePercentPerDayUntilTheCap(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long fine,
                                                     @ForAll @IntRange(min = 1, max = 33) int daysLate) {
        assertThat(LatePaymentSurcharge.accrued(fine, DUE, DUE.plusDays(daysLate))).isEqualTo(fine * 3 * daysLate / 100);
    }

    @Property
    void aShortPeriodDeadlineNeverEndsOnARestDay(@ForAll @IntRange(min = 0, max = 2200) int offset) {
        LocalDate decided = LocalDate.of(2021, 1, 1).plusDays(offset);
        assertThat(BUNDLED.isWorkingDay(ServiceDeadline.due(BUNDLED, decided).dueOn())).isTrue();
        assertThat(BUNDLED.isWorkingDay(HearingRequestWindow.closes(BUNDLED, decided).dueOn())).isTrue();
        assertThat(BUNDLED.isWorkingDay(PaymentDeadline.due(BUNDLED, decided).dueOn())).isTrue();
    }
}
