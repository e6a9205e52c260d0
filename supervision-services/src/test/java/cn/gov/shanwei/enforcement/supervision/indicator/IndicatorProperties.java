package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the indicators over random case histories. */
class IndicatorProperties {

    static final YearMonth FROM = YearMonth.of(2026, 1);
    static final YearMonth TO = YearMonth.of(2026, 4);
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

    @Property(tries = 60)
    void ratesStayWithinZeroAndOne(@ForAll("histories") List<CaseFacts> cases) {
        for (IndicatorRow row : compute(cases).rows()) {
            for (Indicator i : Indicator.values()) {
                Double v = row.value(i);
                if (v != null && i.isRate()) {
                    assertThat(v).as("%s of %s %s", i, row.code(), row.month()).isBetween(0.0, 1.0);
                }
            }
            IndicatorCounts c = row.counts();
            assertThat(c.get(Measure.FILED_CLOSED) + c.get(Measure.FILED_OPEN)).isLessThanOrEqualTo(c.get(Measure.FILED));
        }
    }

    @Property(tries = 60)
    void cityIsTheSumOfCountiesAndCountiesTheSumOfSubjects(@ForAll("histories") List<CaseFacts> cases) {
        IndicatorTable table = compute(cases);
        for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1)) {
            YearMonth month = m;
            IndicatorCounts city = table.row(ScopeLevel.CITY, "441500", m).orElseThrow().counts();
            IndicatorCounts counties = table.rows(ScopeLevel.COUNTY).stream().filter(r -> r.month().equals(month))
                    .map(IndicatorRow::counts).reduce(IndicatorCounts.zero(), IndicatorCounts::plus);
            assertThat(counties).isEqualTo(city);
            for (IndicatorRow county : table.rows(ScopeLevel.COUNTY)) {
                if (county.month().equals(month)) {
                    IndicatorCounts subjects = table.children(county.code()).stream()
                            .filter(r -> r.month().equals(month)).map(IndicatorRow::counts)
                            .reduce(IndicatorCounts.zero(), IndicatorCounts::plus);
                    assertThat(subjects).isEqualTo(county.counts());
                }
            }
        }
        long filedCases = cases.stream().filter(c -> c.filedOn() != null).count();
        long filedCounted = table.rows(ScopeLevel.CITY).stream().mapToLong(r -> r.counts().get(Measure.FILED)).sum();
        assertThat(filedCounted).as("every case filed in the period is counted once").isEqualTo(filedCases);
    }

    private static IndicatorTable compute(List<CaseFacts> cases) {
        return new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES).compute(cases,
                (c, day) -> c.number().value().hashCode() % 3 == 0 ? DeadlineState.OVERDUE : DeadlineState.ON_TIME,
                List.of(), List.of(), World.enforcingSubjects(), FROM, TO, AS_OF);
    }

    @Provide
    Arbitrary<List<CaseFacts>> histories() {
        Arbitrary<EnforcementSubject> subject = Arbitraries.of(World.enforcingSubjects());
        Arbitrary<Integer> filedDay = Arbitraries.integers().between(0, 110);
        Arbitrary<Integer> step = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> progress = Arbitraries.integers().between(0, 5);
        Arbitrary<Long> fine = Arbitraries.longs().between(1, 2_000_000);
        return Combinators.combine(subject, filedDay, step, progress, fine)
                .as((s, d, k, p, f) -> new int[]{World.enforcingSubjects().indexOf(s), d, k, p, (int) (f % 2_000_000)})
                .list().ofMaxSize(40)
                .map(specs -> {
                    java.util.ArrayList<CaseFacts> result = new java.util.ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        result.add(story("P-" + i, specs.get(i)));
                    }
                    return result;
                });
    }

    private static CaseFacts story(String number, int[] spec) {
        EnforcementSubject s = World.enforcingSubjects().get(spec[0]);
        LocalDate filed = LocalDate.of(2026, 1, 1).plusDays(spec[1]);
        LocalDate next = filed.plusDays(spec[2]);
        long fine = Math.max(1, spec[4]);
        CaseStory story = CaseStory.lead(number, s, World.SHOP, filed.toString()).filed(filed.toString());
        if (spec[3] >= 1) {
            story.fined(next.toString(), fine, "一般");
        }
        if (spec[3] >= 2) {
            story.published(next.plusDays(spec[2] % 12).toString());
        }
        if (spec[3] >= 3) {
            story.paid(next.plusDays(3).toString(), fine / (spec[3] - 1));
        }
        if (spec[3] >= 4) {
            story.closed(next.plusDays(spec[2]).toString());
        }
        List<PenaltyCaseEvent> events = story.events();
        CaseFacts facts = CaseFacts.start(events.get(0));
        for (PenaltyCaseEvent e : events.subList(1, events.size())) {
            facts = facts.with(e);
        }
        return facts;
    }
}
