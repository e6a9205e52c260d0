package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureExtended;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureImposed;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureReleased;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.MeasureReadModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories.at;
import static cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories.imposed;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coercive measures in force, judged on 2026-04-30. */
class CoercionSupervisionTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

    final MeasureReadModel model = new MeasureReadModel();
    final CoercionSupervision supervision = new CoercionSupervision(model, () -> World.CALENDAR, World.registry(),
            AlertPolicy.defaults());

    void apply(CoerciveMeasureEvent... events) {
        for (CoerciveMeasureEvent e : events) {
            model.apply(e);
        }
    }

    @Test
    @DisplayName("a seizure of 03-20 never extended is overdue on 04-30; one extended by 30 days is on time")
    void overdueWithoutExtension() {
        apply(imposed("HF-M1", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-03-20"),
                imposed("LF-M2", LUFENG_MARKET, CoercionKind.SEAL_UP, "2026-03-20"),
                new MeasureExtended(UUID.randomUUID(), at("2026-04-15"), new CaseNumber("LF-M2"), 30,
                        new HeadApproval(new OfficerId("o-head"), at("2026-04-15"), "同意延长"), "案情复杂",
                        LocalDate.of(2026, 4, 15)));
        List<Alert> alerts = supervision.alerts(CITY_JUSTICE.id(), AS_OF);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.COERCIVE_MEASURE_OVERDUE);
            assertThat(a.caseNumber().value()).isEqualTo("HF-M1");
            assertThat(a.message()).contains("in force for 41 days", "never extended");
            assertThat(a.article()).isEqualTo("行政强制法 art. 25, 32");
        });
        List<LiveMeasureStatus> inForce = supervision.inForce(CITY_JUSTICE.id(), AS_OF);
        assertThat(inForce).extracting(s -> s.number().value()).containsExactly("HF-M1", "LF-M2");
        assertThat(inForce.get(1).state()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(inForce.get(1).extensionDays()).isEqualTo(30);
        assertThat(supervision.alerts(HAIFENG_JUSTICE.id(), AS_OF)).hasSize(1);
        assertThat(supervision.inForce(HAIFENG_JUSTICE.id(), AS_OF)).hasSize(1);
    }

    @Test
    @DisplayName("a term ending within three days warns; a released measure is no longer watched")
    void dueSoonAndReleased() {
        apply(imposed("HF-M3", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-04-01"),
                imposed("HF-M4", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-03-01"),
                new MeasureReleased(UUID.randomUUID(), at("2026-03-25"), new CaseNumber("HF-M4"),
                        LocalDate.of(2026, 3, 25), ReleaseGround.values()[0], "已查明"));
        LocalDate due = supervision.inForce(CITY_JUSTICE.id(), AS_OF).get(0).deadlines().get(0).dueOn();
        assertThat(supervision.alerts(CITY_JUSTICE.id(), due.minusDays(1))).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.COERCIVE_MEASURE_DUE_SOON));
        assertThat(supervision.alerts(CITY_JUSTICE.id(), due.minusDays(10))).isEmpty();
        assertThat(supervision.inForce(CITY_JUSTICE.id(), AS_OF)).extracting(s -> s.number().value())
                .containsExactly("HF-M3");
    }

    @Test
    @DisplayName("a measure starts with its imposition; a repeated event is applied once")
    void model() {
        assertThatThrownBy(() -> model.apply(new MeasureReleased(UUID.randomUUID(), at("2026-03-25"),
                new CaseNumber("X"), LocalDate.of(2026, 3, 25), ReleaseGround.values()[0], "x")))
                .isInstanceOf(IllegalArgumentException.class);
        List<CaseNumber> heard = new java.util.ArrayList<>();
        model.onChange(heard::add);
        MeasureImposed m = imposed("HF-M5", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-04-01");
        assertThat(model.apply(m)).isTrue();
        assertThat(model.apply(m)).isFalse();
        assertThat(model.size()).isEqualTo(1);
        assertThat(heard).containsExactly(new CaseNumber("HF-M5"));
        assertThat(supervision.alertOf(new CaseNumber("HF-M5"), LocalDate.of(2026, 6, 1)))
                .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(AlertKind.COERCIVE_MEASURE_OVERDUE));
        assertThat(supervision.alertOf(new CaseNumber("HF-M5"), LocalDate.of(2026, 4, 2))).isEmpty();
        assertThat(supervision.alertOf(new CaseNumber("NONE"), LocalDate.of(2026, 4, 2))).isEmpty();
    }
}
