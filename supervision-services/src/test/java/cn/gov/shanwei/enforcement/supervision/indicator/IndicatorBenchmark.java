package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timing of the indicators over 1,000,000 cases and of applying one event (docs/benchmarks.md). Not part of the
 * suite (its name matches none of surefire's patterns); run it with
 * {@code ./mvnw -o -q -B -pl supervision-services test -Dtest=IndicatorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IndicatorBenchmark {

    static final int CASES = 1_000_000;

    @Test
    void recomputeAllAndApplyOne() {
        List<EnforcementSubject> subjects = World.enforcingSubjects();
        Random random = new Random(42);
        CaseFacts template = CaseFacts.start(CaseStory.lead("T", World.HAIFENG_MARKET, World.SHOP, "2026-01-01")
                .events().get(0));
        List<CaseFacts> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            LocalDate filed = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(480));
            boolean decided = random.nextInt(10) < 8;
            boolean closed = decided && random.nextInt(10) < 7;
            long fine = decided ? 100_000 + random.nextInt(2_000_000) : 0;
            cases.add(new CaseFacts(new CaseNumber("B-" + i), subjects.get(i % subjects.size()).id(),
                    template.matter(), template.party(), template.place(), false, filed, filed, null,
                    random.nextInt(20) == 0, false, decided ? filed.plusDays(20) : null, null,
                    decided ? PenaltyKind.FINE : null, decided ? filed.plusDays(30) : null, fine, "一般",
                    decided ? filed.plusDays(30 + random.nextInt(12)) : null, closed ? fine : 0,
                    closed ? filed.plusDays(40) : null, null, closed ? filed.plusDays(45) : null, null, false,
                    Set.of()));
        }
        IndicatorCalculator calculator = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES);
        long[] millis = new long[5];
        IndicatorTable table = null;
        for (int run = 0; run < millis.length; run++) {
            long t0 = System.nanoTime();
            table = calculator.compute(cases, (c, d) -> DeadlineState.ON_TIME, List.of(), List.of(), subjects,
                    YearMonth.of(2025, 1), YearMonth.of(2026, 4), LocalDate.of(2026, 4, 30));
            millis[run] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        long filed = table.rows(ScopeLevel.CITY).stream().mapToLong(r -> r.counts().get(Measure.FILED)).sum();
        assertThat(filed).isEqualTo(CASES);
        System.out.printf("indicators over %,d cases, 16 months: median %d ms, best %d ms%n", CASES,
                millis[millis.length / 2], millis[0]);

        CaseReadModel model = new CaseReadModel();
        List<PenaltyCaseEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            events.addAll(CaseStory.lead("M-" + i, World.HAIFENG_MARKET, World.SHOP, "2026-03-01")
                    .filed("2026-03-02").fined("2026-03-10", 100_000, "轻微").events());
        }
        events.forEach(model::apply);
        List<PenaltyCaseEvent> closing = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            List<PenaltyCaseEvent> e = CaseStory.lead("M-" + i, World.HAIFENG_MARKET, World.SHOP, "2026-03-01")
                    .filed("2026-03-02").fined("2026-03-10", 100_000, "轻微").paidInFull("2026-03-20").events();
            closing.add(e.get(e.size() - 1));
        }
        long t0 = System.nanoTime();
        closing.forEach(model::apply);
        double perEvent = (System.nanoTime() - t0) / 1_000.0 / closing.size();
        System.out.printf("apply one event to a model of %,d cases: %.1f µs on average%n", model.size(), perEvent);
    }
}
