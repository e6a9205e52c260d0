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
        long[] seeds = new long[CASES];
        for (int i = 0; i < CASES; i++) {
            seeds[i] = random.nextLong();
            cases.add(facts(template, subjects, i, seeds[i], false));
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

        // incremental: one case change (closing an open case, or reopening the figures of a closed one) at a time
        IncrementalIndicators kept = IncrementalIndicators.start(calculator, cases, (c, d) -> DeadlineState.ON_TIME,
                List.of(), List.of(), List.of(), subjects, YearMonth.of(2025, 1), YearMonth.of(2026, 4),
                LocalDate.of(2026, 4, 30));
        int changes = 20_000;
        long[] perChange = new long[changes];
        for (int k = 0; k < changes; k++) {
            int i = random.nextInt(CASES);
            CaseFacts before = cases.get(i);
            CaseFacts after = facts(template, subjects, i, seeds[i], before.closedOn() == null);
            long t1 = System.nanoTime();
            kept.apply(before, after);
            perChange[k] = System.nanoTime() - t1;
            cases.set(i, after);
        }
        Arrays.sort(perChange);
        System.out.printf("incremental update of one case change over %,d cases: median %.3f ms, p99 %.3f ms,"
                + " max %.3f ms%n", CASES, perChange[changes / 2] / 1e6, perChange[changes * 99 / 100] / 1e6,
                perChange[changes - 1] / 1e6);
        assertThat(kept.table().rows()).containsExactlyInAnyOrderElementsOf(calculator.compute(cases,
                (c, d) -> DeadlineState.ON_TIME, List.of(), List.of(), subjects, YearMonth.of(2025, 1),
                YearMonth.of(2026, 4), LocalDate.of(2026, 4, 30)).rows());

        // the dashboard's data requests (county bars, monthly trend, drill-down to subjects), each after one event:
        // served from the kept table versus recomputed per request as the endpoints do today
        int requests = 3_000;
        long[] served = new long[requests];
        for (int k = 0; k < requests; k++) {
            int i = random.nextInt(CASES);
            CaseFacts before = cases.get(i);
            CaseFacts after = facts(template, subjects, i, seeds[i], before.closedOn() == null);
            long t1 = System.nanoTime();
            kept.apply(before, after);
            dashboardRequest(kept.table(), k);
            served[k] = System.nanoTime() - t1;
            cases.set(i, after);
        }
        Arrays.sort(served);
        int recomputes = 20;
        long[] recomputed = new long[recomputes];
        for (int k = 0; k < recomputes; k++) {
            long t1 = System.nanoTime();
            dashboardRequest(calculator.compute(cases, (c, d) -> DeadlineState.ON_TIME, List.of(), List.of(),
                    subjects, YearMonth.of(2025, 1), YearMonth.of(2026, 4), LocalDate.of(2026, 4, 30)), k);
            recomputed[k] = System.nanoTime() - t1;
        }
        Arrays.sort(recomputed);
        System.out.printf("dashboard data request over %,d cases: kept table (one event applied before each)"
                + " p50 %.3f ms, p95 %.3f ms, max %.3f ms (%d requests); recomputed per request p50 %d ms,"
                + " p95 %d ms (%d requests)%n", CASES, served[requests / 2] / 1e6, served[requests * 95 / 100] / 1e6,
                served[requests - 1] / 1e6, requests, recomputed[recomputes / 2] / 1_000_000,
                recomputed[recomputes * 95 / 100] / 1_000_000, recomputes);

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

    /** What the dashboard asks for, in turn: bars by county for a month, the city's trend, one county's subjects. */
    private static int dashboardRequest(IndicatorTable table, int k) {
        YearMonth month = YearMonth.of(2025, 1).plusMonths(k % 16);
        return switch (k % 3) {
            case 0 -> table.rows(ScopeLevel.COUNTY).stream().filter(r -> r.month().equals(month))
                    .map(r -> r.value(Indicator.CLOSURE_RATE)).toList().size();
            case 1 -> table.rows(ScopeLevel.CITY).stream().map(r -> r.counts().asMap()).toList().size();
            default -> table.children("441521").stream().filter(r -> r.month().equals(month))
                    .map(r -> r.counts().asMap()).toList().size();
        };
    }

    /** Case {@code i}, its figures drawn from {@code seed}; {@code closeNow} closes (and pays) it if it was open. */
    private static CaseFacts facts(CaseFacts template, List<EnforcementSubject> subjects, int i, long seed,
                                   boolean closeNow) {
        Random random = new Random(seed);
        LocalDate filed = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(480));
        boolean decided = closeNow || random.nextInt(10) < 8;
        boolean closed = closeNow || decided && random.nextInt(10) < 7;
        long fine = decided ? 100_000 + random.nextInt(2_000_000) : 0;
        return new CaseFacts(new CaseNumber("B-" + i), subjects.get(i % subjects.size()).id(),
                template.matter(), template.party(), template.place(), false, filed, filed, null,
                random.nextInt(20) == 0, false, decided ? filed.plusDays(20) : null, null,
                decided ? PenaltyKind.FINE : null, decided ? filed.plusDays(30) : null, fine, "一般",
                decided ? filed.plusDays(30 + random.nextInt(12)) : null, closed ? fine : 0,
                closed ? filed.plusDays(40) : null, null, closed ? filed.plusDays(45) : null, null, false,
                Set.of());
    }
}
