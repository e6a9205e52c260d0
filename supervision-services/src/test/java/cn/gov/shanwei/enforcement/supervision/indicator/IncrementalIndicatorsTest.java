package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.ClosedCases;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseDeadlines;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicators kept up to date event by event equal a recomputation after every event. */
class IncrementalIndicatorsTest {

    static final YearMonth FROM = YearMonth.of(2026, 1);
    static final YearMonth TO = YearMonth.of(2026, 6);
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

    @Test
    @DisplayName("each event taken in incrementally leaves the table a recomputation would give")
    void incrementalEqualsRecomputation() {
        List<CaseStory> stories = new ArrayList<>(SpringQuarter.stories());
        stories.addAll(ClosedCases.stories());
        CaseReadModel model = new CaseReadModel();
        List<PenaltyCaseEvent> later = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            List<PenaltyCaseEvent> events = stories.get(i).events();
            int cut = i % 3 == 0 ? events.size() : events.size() / 2;   // some whole, some half, taken in later
            events.subList(0, cut).forEach(model::apply);
            later.addAll(events.subList(cut, events.size()));
        }
        CaseDeadlines clock = SpringQuarter.deadlines(model);
        IndicatorCalculator calculator = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES);
        IncrementalIndicators kept = IncrementalIndicators.start(calculator, model.all(),
                (c, day) -> clock.stateOf(c.number(), day), List.of(), List.of(), List.of(),
                World.enforcingSubjects(), FROM, TO, AS_OF);
        model.onTransition(kept::apply);
        assertThat(later).isNotEmpty();

        for (PenaltyCaseEvent e : later) {
            model.apply(e);
            IndicatorTable recomputed = calculator.compute(model.all(), (c, day) -> clock.stateOf(c.number(), day),
                    List.of(), List.of(), World.enforcingSubjects(), FROM, TO, AS_OF);
            assertThat(kept.table().rows()).as("after %s of %s", e.getClass().getSimpleName(), e.caseNumber())
                    .containsExactlyInAnyOrderElementsOf(recomputed.rows());
        }
        long filed = kept.table().rows(ScopeLevel.CITY).stream().mapToLong(r -> r.counts().get(Measure.FILED)).sum();
        assertThat(filed).isPositive();
    }
}
