package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.supervision.fixtures.TestDatabase;
import cn.gov.shanwei.enforcement.supervision.workforce.jdbc.JdbcTrainingRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Officers' training hours per year against the required hours (执法人员培训学时). */
class TrainingHoursTest {

    static final Instant NOW = Instant.parse("2026-04-01T02:00:00Z");
    static final OfficerId CHEN = new OfficerId("o-chen");
    static final OfficerId LIN = new OfficerId("o-lin");

    final JdbcTrainingRepository trainings = new JdbcTrainingRepository(new TestDatabase().jdbc);

    static TrainingRecord training(String id, OfficerId officer, String day, String hours) {
        return new TrainingRecord(id, officer, "行政处罚法专题培训", LocalDate.parse(day), new BigDecimal(hours),
                "sup-city", NOW);
    }

    @Test
    @DisplayName("hours add up per officer within the calendar year; below the required hours is flagged")
    void hoursPerYear() {
        trainings.save(training("t1", CHEN, "2026-01-05", "24"));
        trainings.save(training("t2", CHEN, "2026-12-31", "36.5"));
        trainings.save(training("t3", CHEN, "2025-12-31", "40"));    // last year: not counted in 2026
        trainings.save(training("t4", LIN, "2026-03-01", "59.9"));

        Map<OfficerId, BigDecimal> hours = TrainingHours.byOfficer(trainings.inYear(2026));
        TrainingHours policy = new TrainingHours(TrainingHours.DEFAULT_REQUIRED);
        assertThat(hours.get(CHEN)).isEqualByComparingTo("60.5");
        assertThat(policy.standing(hours.get(CHEN)).below()).isFalse();
        assertThat(policy.standing(hours.get(LIN)).below()).isTrue();
        assertThat(policy.standing(hours.get(new OfficerId("o-none")))).satisfies(s -> {
            assertThat(s.hours()).isEqualByComparingTo("0");
            assertThat(s.below()).isTrue();
        });
        assertThat(new TrainingHours(new BigDecimal("59.9")).standing(hours.get(LIN)).below()).isFalse();
        assertThat(trainings.of(CHEN, 2026)).extracting(TrainingRecord::id).containsExactly("t1", "t2");
        assertThat(trainings.of(CHEN, 2025)).extracting(TrainingRecord::hours)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("40"));
    }

    @Test
    @DisplayName("bad hours, course or day are field errors; the required figure must be positive")
    void badInput() {
        assertThatThrownBy(() -> training("x", CHEN, "2026-01-01", "0")).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("hours");
        assertThatThrownBy(() -> training("x", CHEN, "2026-01-01", "1.25"))
                .isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> training("x", CHEN, "2026-01-01", "1000.1"))
                .isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new TrainingRecord("x", CHEN, " ", LocalDate.of(2026, 1, 1), BigDecimal.ONE, "s",
                NOW)).isInstanceOf(DomainValidationException.class).hasMessageContaining("course");
        assertThatThrownBy(() -> new TrainingHours(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
