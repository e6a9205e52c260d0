package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.deadline.LatePaymentSurcharge.Instalment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("加处罚款 (行政处罚法 art. 72)")
class LatePaymentSurchargeTest {

    private static final long TEN_THOUSAND_YUAN = 1_000_000L;

    @Test
    @DisplayName("Nothing accrues on the last day of the payment period")
    void nothingOnTheDueDay() {
        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, d("2024-10-08"), d("2024-10-08"))).isZero();
    }

    @Test
    @DisplayName("The day after the period ends, 3% of a 10,000-yuan fine is 300 yuan")
    void firstDayLate() {
        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, d("2024-10-08"), d("2024-10-09"))).isEqualTo(30_000L);
    }

    @Test
    @DisplayName("After 33 days it is 99% of the fine, from day 34 exactly the fine and never more")
    void cappedAtTheFine() {
        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, d("2024-10-08"), d("2024-11-10"))).isEqualTo(990_000L);
        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, d("2024-10-08"), d("2024-11-11")))
                .isEqualTo(TEN_THOUSAND_YUAN);
        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, d("2024-10-08"), d("2034-10-08")))
                .isEqualTo(TEN_THOUSAND_YUAN);
    }

    @Test
    @DisplayName("Fractions of a fen are dropped in the party's favour: 3% of 0.33 yuan for one day is 0 fen")
    void fractionsDropped() {
        assertThat(LatePaymentSurcharge.accrued(33, d("2024-10-08"), d("2024-10-09"))).isZero();
        assertThat(LatePaymentSurcharge.accrued(34, d("2024-10-08"), d("2024-10-09"))).isEqualTo(1);
    }

    @Test
    @DisplayName("Instalments: only the late instalment accrues, until the day it is paid")
    void instalmentsAccrueSeparately() {
        List<Instalment> plan = List.of(
                new Instalment(500_000, d("2025-03-31"), d("2025-03-30")),
                new Instalment(500_000, d("2025-04-30"), d("2025-05-05")));

        assertThat(LatePaymentSurcharge.accrued(TEN_THOUSAND_YUAN, plan, d("2025-06-30")))
                .isEqualTo(5 * 15_000L);
    }
}
