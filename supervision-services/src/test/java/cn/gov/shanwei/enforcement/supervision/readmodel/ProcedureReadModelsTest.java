package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.coercion.MeasureStage;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel.InspectionFacts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.supervision.fixtures.InspectionStories.carriedOut;
import static cn.gov.shanwei.enforcement.supervision.fixtures.InspectionStories.planned;
import static cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories.at;
import static cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories.imposed;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.HAIFENG_MARKET;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.LUFENG_MARKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureReadModelsTest {

    private final MeasureReadModel measures = new MeasureReadModel();
    private final InspectionReadModel inspections = new InspectionReadModel();
    private final ProcedureReadModels models = new ProcedureReadModels(measures, inspections);
    private final List<Long> asked = new ArrayList<>();

    /** A feed over a fixed log (as the case platform serves it: after a position, at most {@code max}). */
    private SupervisedProcedureFeed feedOf(List<ProcedureFeedEntry> log) {
        return (position, max) -> {
            asked.add(position);
            return log.stream().filter(e -> e.position() > position).limit(max).toList();
        };
    }

    private static CoerciveMeasureEvent released(String number, String day) {
        return new CoerciveMeasureEvent.MeasureReleased(UUID.nameUUIDFromBytes((number + "/r").getBytes()), at(day),
                new CaseNumber(number), LocalDate.parse(day), ReleaseGround.NO_VIOLATION, "未发现违法");
    }

    @Test
    @DisplayName("each entry goes to the model of its kind, in log order; positions of the other kinds are skipped")
    void interleaved() {
        List<ProcedureFeedEntry> log = List.of(
                new ProcedureFeedEntry.Measure(2, imposed("HF-M1", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-04-01")),
                new ProcedureFeedEntry.Inspection(3, planned("HF-I1", HAIFENG_MARKET, "2026-04-02")),
                new ProcedureFeedEntry.Inspection(7, carriedOut("HF-I1", at("2026-04-03"))),
                new ProcedureFeedEntry.Measure(9, released("HF-M1", "2026-04-10")));

        assertThat(models.catchUp(feedOf(log))).isEqualTo(4);

        assertThat(models.position()).isEqualTo(9);
        assertThat(measures.measure(new CaseNumber("HF-M1")).orElseThrow().stage()).isEqualTo(MeasureStage.RELEASED);
        assertThat(inspections.all()).extracting(InspectionFacts::number, InspectionFacts::inspectedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new CaseNumber("HF-I1"),
                        LocalDate.parse("2026-04-03")));
        assertThat(models.catchUp(feedOf(log))).as("nothing new").isZero();
        assertThat(asked).as("the second catch-up asks only after the last position read").endsWith(9L);
    }

    @Test
    @DisplayName("a long log is read in batches from the last position read")
    void batches() {
        List<ProcedureFeedEntry> log = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            log.add(new ProcedureFeedEntry.Inspection(i + 1, planned("LF-I" + i, LUFENG_MARKET, "2026-04-02")));
        }
        assertThat(models.catchUp(feedOf(log))).isEqualTo(700);
        assertThat(asked).containsExactly(0L, (long) FeedPositions.BATCH, 700L);
        assertThat(inspections.all()).hasSize(700);
    }

    @Test
    @DisplayName("an event delivered again at a later position changes nothing; the position still moves on")
    void repeats() {
        List<String> heard = new ArrayList<>();
        measures.onChange(n -> heard.add(n.value()));
        CoerciveMeasureEvent m = imposed("HF-M2", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-04-01");
        List<ProcedureFeedEntry> log = List.of(new ProcedureFeedEntry.Measure(1, m),
                new ProcedureFeedEntry.Inspection(2, planned("HF-I2", HAIFENG_MARKET, "2026-04-02")),
                new ProcedureFeedEntry.Measure(3, m),
                new ProcedureFeedEntry.Inspection(4, planned("HF-I2", HAIFENG_MARKET, "2026-04-02")));

        assertThat(models.catchUp(feedOf(log))).isEqualTo(4);

        assertThat(heard).containsExactly("HF-M2");
        assertThat(measures.size()).isEqualTo(1);
        assertThat(inspections.all()).hasSize(1);
        assertThat(models.position()).isEqualTo(4);
    }

    @Test
    @DisplayName("a feed going back is refused; the position stays at the last entry applied")
    void backwards() {
        SupervisedProcedureFeed backwards = (position, max) -> position == 0 ? List.of(
                new ProcedureFeedEntry.Inspection(5, planned("HF-I3", HAIFENG_MARKET, "2026-04-02")),
                new ProcedureFeedEntry.Inspection(5, carriedOut("HF-I3", at("2026-04-03")))) : List.of();

        assertThatThrownBy(() -> models.catchUp(backwards)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from position 5 to 5");
        assertThat(models.position()).isEqualTo(5);
        assertThat(inspections.all()).extracting(InspectionFacts::inspectedOn).containsOnlyNulls();
    }

    @Test
    @DisplayName("a measure that does not start with its imposition stops the catch-up before it, to be read again")
    void badFirstEvent() {
        List<ProcedureFeedEntry> log = List.of(
                new ProcedureFeedEntry.Inspection(1, planned("HF-I4", HAIFENG_MARKET, "2026-04-02")),
                new ProcedureFeedEntry.Measure(2, released("HF-M9", "2026-04-10")));

        assertThatThrownBy(() -> models.catchUp(feedOf(log))).isInstanceOf(IllegalArgumentException.class);
        assertThat(models.position()).isEqualTo(1);
        assertThatThrownBy(() -> models.catchUp(feedOf(log))).isInstanceOf(IllegalArgumentException.class);
        assertThat(asked).containsExactly(0L, 1L);
        assertThat(measures.size()).isZero();
    }

    @Test
    @DisplayName("entries carry a position from 1 and an event")
    void entries() {
        assertThatThrownBy(() -> new ProcedureFeedEntry.Inspection(0, planned("HF-I5", HAIFENG_MARKET, "2026-04-02")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcedureFeedEntry.Measure(1, null)).isInstanceOf(NullPointerException.class);
    }
}
