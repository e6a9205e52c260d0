package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel.InspectionFacts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One indicator table (a jurisdiction, a period, an as-of day) kept up to date event by event: computed once, then
 * each case change (facts before → after, {@code CaseReadModel.onTransition}) removes the case's old contribution
 * from its subject's months and adds the new one, and the counties and the city are summed again. Measures are
 * sums over cases, so the result equals a recomputation; the old overdue state is the one counted (kept as the set
 * of cases counted overdue), not the legal clock's state now. Reviews, inspections and the object catalogue are
 * taken as they were at the start: a change there needs a new table (ADR 0609).
 */
public final class IncrementalIndicators {

    private final IndicatorCalculator calculator;
    private final List<EnforcementSubject> subjects;
    private final Set<SubjectId> scope = new HashSet<>();
    private final BiFunction<CaseFacts, LocalDate, DeadlineState> states;
    private final LocalDate asOf;
    private final Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies;
    private final Set<CaseNumber> countedOverdue = new HashSet<>();
    private volatile IndicatorTable table;

    /**
     * Computes the table once, exactly as {@link IndicatorCalculator#compute} does, and keeps it for updates.
     *
     * @param states the legal clock's deadline state of a case on a day (asked again for each changed case)
     */
    public static IncrementalIndicators start(IndicatorCalculator calculator, Collection<CaseFacts> cases,
                                              BiFunction<CaseFacts, LocalDate, DeadlineState> states,
                                              Collection<ReviewScore> scores, Collection<InspectionFacts> inspections,
                                              Collection<InspectionObject> objects,
                                              Collection<EnforcementSubject> subjects, YearMonth from, YearMonth to,
                                              LocalDate asOf) {
        Set<CaseNumber> overdue = new HashSet<>();
        BiFunction<CaseFacts, LocalDate, DeadlineState> noting = (c, day) -> {
            DeadlineState s = states.apply(c, day);
            if (s == DeadlineState.OVERDUE) {
                overdue.add(c.number());
            }
            return s;
        };
        IndicatorTable table = calculator.compute(cases, noting, scores, inspections, objects, subjects, from, to,
                asOf);
        IncrementalIndicators kept = new IncrementalIndicators(calculator, table, subjects, states, asOf);
        kept.countedOverdue.addAll(overdue);
        return kept;
    }

    private IncrementalIndicators(IndicatorCalculator calculator, IndicatorTable table,
                                  Collection<EnforcementSubject> subjects,
                                  BiFunction<CaseFacts, LocalDate, DeadlineState> states, LocalDate asOf) {
        this.calculator = calculator;
        this.subjects = List.copyOf(subjects);
        subjects.forEach(s -> scope.add(s.id()));
        this.states = states;
        this.asOf = asOf;
        this.table = table;
        this.tallies = calculator.tallies(table, subjects);
    }

    /** The table as it stands. */
    public IndicatorTable table() {
        return table;
    }

    /**
     * Takes one case change into the table: {@code before} is the case's facts before the event ({@code null} for a
     * new case), {@code after} after it. A case outside the jurisdiction changes nothing.
     */
    public synchronized void apply(CaseFacts before, CaseFacts after) {
        Map<YearMonth, IndicatorCounts.Tally> months = tallies.get(after.subject());
        if (months == null || !scope.contains(after.subject())) {
            return;
        }
        if (before != null) {
            calculator.contribute(before, months, (c, day) -> countedOverdue.contains(c.number())
                    ? DeadlineState.OVERDUE : DeadlineState.ON_TIME, asOf, -1);
        }
        countedOverdue.remove(after.number());
        calculator.contribute(after, months, (c, day) -> {
            DeadlineState s = states.apply(c, day);
            if (s == DeadlineState.OVERDUE) {
                countedOverdue.add(c.number());
            }
            return s;
        }, asOf, 1);
        table = calculator.table(tallies, subjects, table.from(), table.to());
    }
}
