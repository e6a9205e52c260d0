package cn.gov.shanwei.enforcement.domain.deadline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Hearing, service, payment, publication, coercion and court periods")
class ShortPeriodPoliciesTest {

    @Test
    @DisplayName("告知 served Thursday 8 Feb 2024: a hearing may be requested until 21 Feb 2024 (5 working days over 春节)")
    void hearingRequestWindowOverSpringFestival() {
        Deadline window = HearingRequestWindow.closes(BUNDLED, d("2024-02-08"));

        assertThat(window.dueOn()).isEqualTo(d("2024-02-21"));
        assertThat(window.describe()).isEqualTo("当事人要求听证 (hearing request) by 2024-02-21 (行政处罚法 art. 64, 85)");
    }

    @Test
    @DisplayName("Hearing notice served Friday 27 Sep 2024: the hearing may be held from 13 Oct 2024, not on 12 Oct")
    void hearingNoticeLeadOverNationalDay() {
        assertThat(HearingNoticeLead.earliestHearingDay(BUNDLED, d("2024-09-27"))).isEqualTo(d("2024-10-13"));
        assertThat(HearingNoticeLead.isSufficient(BUNDLED, d("2024-09-27"), d("2024-10-12"))).isFalse();
        assertThat(HearingNoticeLead.isSufficient(BUNDLED, d("2024-09-27"), d("2024-10-14"))).isTrue();
    }

    @Test
    @DisplayName("For a hearing on Monday 14 Oct 2024 the notice must be served by Saturday 28 Sep 2024")
    void latestHearingNotice() {
        assertThat(HearingNoticeLead.latestNotice(BUNDLED, d("2024-10-14")).dueOn()).isEqualTo(d("2024-09-28"));
    }

    @Test
    @DisplayName("A decision of Friday 27 Sep 2024 must be served by the 调休 Saturday 12 Oct 2024")
    void serviceDeadlineOverNationalDay2024() {
        assertThat(ServiceDeadline.due(BUNDLED, d("2024-09-27")).dueOn()).isEqualTo(d("2024-10-12"));
    }

    @Test
    @DisplayName("Served on 1 Feb 2026, the fine is due by 24 Feb 2026: day 15 falls in 春节")
    void paymentDeadlineSpringFestival2026() {
        Deadline due = PaymentDeadline.due(BUNDLED, d("2026-02-01"));

        assertThat(due.dueOn()).isEqualTo(d("2026-02-24"));
        assertThat(due.article()).isEqualTo("行政处罚法 art. 67");
    }

    @Test
    @DisplayName("Served on 20 Dec 2026, the fine is due on 4 Jan 2027 — provisional, 2027's notice is not out")
    void paymentDeadlineInto2027IsProvisional() {
        Deadline due = PaymentDeadline.due(BUNDLED, d("2026-12-20"));

        assertThat(due.dueOn()).isEqualTo(d("2027-01-04"));
        assertThat(due.provisional()).isTrue();
        assertThat(due.describe()).contains("provisional");
    }

    @Test
    @DisplayName("An approved deferral to a holiday is payable on the next working day")
    void deferredPayment() {
        Deadline due = PaymentDeadline.deferred(BUNDLED, d("2025-10-03"));
        assertThat(due.dueOn()).isEqualTo(d("2025-10-09"));
        assertThat(due.article()).contains("art. 66");
    }

    @Test
    @DisplayName("双公示: a decision of 30 Sep 2025 is published by 16 Oct 2025 (7 working days, 国庆 and 11 Oct 调休)")
    void publicationDeadline() {
        // 9, 10, 11 (Sat, worked), 13, 14, 15, 16 October
        assertThat(DecisionPublicationDeadline.due(BUNDLED, d("2025-09-30")).dueOn()).isEqualTo(d("2025-10-16"));
    }

    @Test
    @DisplayName("A seizure of 10 Sep 2025 ends by 10 Oct 2025, or 9 Nov→10 Nov 2025 with a 30-day extension")
    void coerciveMeasureLimit() {
        assertThat(CoerciveMeasureLimit.ends(BUNDLED, d("2025-09-10"), 0, List.of()).dueOn()).isEqualTo(d("2025-10-10"));
        assertThat(CoerciveMeasureLimit.ends(BUNDLED, d("2025-09-10"), 30, List.of()).dueOn())
                .isEqualTo(d("2025-11-10"));
        assertThatThrownBy(() -> CoerciveMeasureLimit.ends(BUNDLED, d("2025-09-10"), 31, List.of()))
                .hasMessageContaining("at most 30");
    }

    @Test
    @DisplayName("Court enforcement: served 10 Jan 2025, 催告 served 1 Jul 2025 — apply from 16 Jul to 10 Oct 2025")
    void courtEnforcementWindow() {
        CourtEnforcementWindow window = CourtEnforcementWindow.of(BUNDLED, d("2025-01-10"), d("2025-07-01"));

        assertThat(window.opensOn()).isEqualTo(d("2025-07-16"));
        assertThat(window.closes().dueOn()).isEqualTo(d("2025-10-10"));
        assertThat(window.isOpenOn(d("2025-07-15"))).as("催告 period still running").isFalse();
        assertThat(window.isOpenOn(d("2025-10-10"))).isTrue();
        assertThat(window.isOpenOn(d("2025-10-11"))).isFalse();
    }
}
