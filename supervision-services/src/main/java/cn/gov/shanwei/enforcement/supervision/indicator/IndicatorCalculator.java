package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionPublicationDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CountyGroup;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel.InspectionFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Computes the quantified indicators (量化监督指标) from the read model, per subject, county group and city and
 * per month, exactly as {@code docs/indicators.md} defines them. Counts are tallied per subject and month in one
 * pass over the cases, then summed upwards, so a county is always the sum of its subjects and the city the sum of
 * its county groups.
 */
public final class IndicatorCalculator {

    private final SupervisionRegistry registry;
    private final WorkingDayCalendar calendar;
    private final PenaltyRules rules;

    /**
     * @param registry subjects and their county groups
     * @param calendar the working-day calendar (publication deadline)
     * @param rules    the procedural rules (when legal review is required)
     */
    public IndicatorCalculator(SupervisionRegistry registry, WorkingDayCalendar calendar, PenaltyRules rules) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The indicators of {@code subjects} for the months {@code from..to}.
     *
     * @param cases    the cases (others than those of {@code subjects} are ignored)
     * @param states   the deadline state of an open case on a day (the legal clock)
     * @param scores   the scored case-file reviews
     * @param inspections the inspections
     * @param subjects the subjects in scope (a supervisor's jurisdiction)
     * @param from     first month
     * @param to       last month, not before {@code from}
     * @param asOf     the day open cases and due publications are judged on
     */
    public IndicatorTable compute(Collection<CaseFacts> cases, BiFunction<CaseFacts, LocalDate, DeadlineState> states,
                                  Collection<ReviewScore> scores, Collection<InspectionFacts> inspections,
                                  Collection<EnforcementSubject> subjects,
                                  YearMonth from, YearMonth to, LocalDate asOf) {
        return compute(cases, states, scores, inspections, List.of(), subjects, from, to, asOf);
    }

    /**
     * The indicators of {@code subjects} for the months {@code from..to}, with inspection coverage over
     * {@code objects}, the subjects' inspection-object catalogues (检查对象名录库).
     */
    public IndicatorTable compute(Collection<CaseFacts> cases, BiFunction<CaseFacts, LocalDate, DeadlineState> states,
                                  Collection<ReviewScore> scores, Collection<InspectionFacts> inspections,
                                  Collection<InspectionObject> objects, Collection<EnforcementSubject> subjects,
                                  YearMonth from, YearMonth to, LocalDate asOf) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies = new HashMap<>();
        for (EnforcementSubject s : subjects) {
            Map<YearMonth, IndicatorCounts.Tally> months = new LinkedHashMap<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                months.put(m, new IndicatorCounts.Tally());
            }
            tallies.put(s.id(), months);
        }
        for (CaseFacts c : cases) {
            Map<YearMonth, IndicatorCounts.Tally> months = tallies.get(c.subject());
            if (months != null) {
                tally(c, months, states, asOf);
            }
        }
        for (ReviewScore r : scores) {
            Map<YearMonth, IndicatorCounts.Tally> months = tallies.get(r.subject());
            IndicatorCounts.Tally t = months == null ? null : months.get(YearMonth.from(r.scoredOn()));
            if (t != null) {
                t.count(Measure.REVIEWS_SCORED).add(Measure.REVIEW_POINTS, r.points());
            }
        }
        Set<String> inspected = new HashSet<>();
        for (InspectionFacts i : inspections) {
            Map<YearMonth, IndicatorCounts.Tally> months = tallies.get(i.subject());
            IndicatorCounts.Tally t = months == null ? null : in(months, i.inspectedOn());
            if (t != null) {
                t.count(Measure.INSPECTIONS_DONE);
                inspected.add(coverageKey(i.subject(), i.objectId(), i.matterCode(), YearMonth.from(i.inspectedOn())));
            }
        }
        for (InspectionObject o : objects) {
            Map<YearMonth, IndicatorCounts.Tally> months = tallies.get(o.subject());
            if (months == null) {
                continue;
            }
            months.forEach((month, t) -> {
                if (o.listedDuring(month)) {
                    t.count(Measure.CATALOGUE_OBJECTS);
                    if (inspected.contains(coverageKey(o.subject(), o.objectId(), o.matterCode(), month))) {
                        t.count(Measure.OBJECTS_INSPECTED);
                    }
                }
            });
        }
        return rollUp(tallies, subjects, from, to);
    }

    /**
     * Which cases each figure of {@code month} counts, per subject: for every measure the case numbers (inspection
     * numbers for {@code INSPECTIONS_DONE}) that added to it, found by tallying each case alone with the same rules
     * as {@link #compute}, so a figure and its list cannot disagree.
     *
     * @return subject id → measure → case numbers (sorted); measures nothing added to are left out
     */
    public Map<String, Map<Measure, List<String>>> trace(Collection<CaseFacts> cases,
                                                        BiFunction<CaseFacts, LocalDate, DeadlineState> states,
                                                        Collection<ReviewScore> scores,
                                                        Collection<InspectionFacts> inspections,
                                                        Collection<EnforcementSubject> subjects, YearMonth month,
                                                        LocalDate asOf) {
        Map<String, Map<Measure, List<String>>> trace = new java.util.TreeMap<>();
        Set<SubjectId> inScope = new HashSet<>();
        subjects.forEach(s -> {
            inScope.add(s.id());
            trace.put(s.id().value(), new java.util.EnumMap<>(Measure.class));
        });
        for (CaseFacts c : cases) {
            if (inScope.contains(c.subject())) {
                IndicatorCounts.Tally alone = new IndicatorCounts.Tally();
                tally(c, Map.of(month, alone), states, asOf);
                record(trace.get(c.subject().value()), alone.toCounts(), c.number().value());
            }
        }
        for (ReviewScore r : scores) {
            if (inScope.contains(r.subject()) && YearMonth.from(r.scoredOn()).equals(month)) {
                record(trace.get(r.subject().value()), new IndicatorCounts.Tally().count(Measure.REVIEWS_SCORED)
                        .add(Measure.REVIEW_POINTS, r.points()).toCounts(), r.caseNumber().value());
            }
        }
        for (InspectionFacts i : inspections) {
            if (inScope.contains(i.subject()) && i.inspectedOn() != null
                    && YearMonth.from(i.inspectedOn()).equals(month)) {
                record(trace.get(i.subject().value()), new IndicatorCounts.Tally().count(Measure.INSPECTIONS_DONE)
                        .toCounts(), i.number().value());
            }
        }
        trace.values().forEach(m -> m.values().forEach(list -> list.sort(null)));
        return trace;
    }

    /**
     * The tallies of {@code subjects} for {@code from..to} read back from a computed table (its subject rows), for
     * {@link IncrementalIndicators} to change case by case.
     */
    Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies(IndicatorTable table,
                                                                 Collection<EnforcementSubject> subjects) {
        Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies = new HashMap<>();
        for (EnforcementSubject s : subjects) {
            Map<YearMonth, IndicatorCounts.Tally> months = new LinkedHashMap<>();
            for (YearMonth m = table.from(); !m.isAfter(table.to()); m = m.plusMonths(1)) {
                IndicatorCounts.Tally t = new IndicatorCounts.Tally();
                table.row(ScopeLevel.SUBJECT, s.id().value(), m).ifPresent(r -> t.addAll(r.counts()));
                months.put(m, t);
            }
            tallies.put(s.id(), months);
        }
        return tallies;
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one case's contribution to {@code months}. */
    void contribute(CaseFacts c, Map<YearMonth, IndicatorCounts.Tally> months,
                    BiFunction<CaseFacts, LocalDate, DeadlineState> states, LocalDate asOf, int sign) {
        Map<YearMonth, IndicatorCounts.Tally> alone = new HashMap<>();
        months.keySet().forEach(m -> alone.put(m, new IndicatorCounts.Tally()));
        tally(c, alone, states, asOf);
        alone.forEach((m, t) -> months.get(m).addScaled(t.toCounts(), sign));
    }

    /** The table of {@code tallies}, rolled up to counties and the city. */
    IndicatorTable table(Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies,
                         Collection<EnforcementSubject> subjects, YearMonth from, YearMonth to) {
        return rollUp(tallies, subjects, from, to);
    }

    private static void record(Map<Measure, List<String>> subject, IndicatorCounts counts, String number) {
        for (Measure m : Measure.values()) {
            if (counts.get(m) != 0) {
                subject.computeIfAbsent(m, k -> new ArrayList<>()).add(number);
            }
        }
    }

    private void tally(CaseFacts c, Map<YearMonth, IndicatorCounts.Tally> months,
                       BiFunction<CaseFacts, LocalDate, DeadlineState> states, LocalDate asOf) {
        IndicatorCounts.Tally filed = in(months, c.filedOn());
        if (filed != null) {
            filed.count(Measure.FILED);
            if (c.closedOn() != null || c.archivedOn() != null) {
                filed.count(Measure.FILED_CLOSED);
            } else if (c.isOpen()) {
                filed.count(Measure.FILED_OPEN);
                if (states.apply(c, asOf) == DeadlineState.OVERDUE) {
                    filed.count(Measure.FILED_OPEN_OVERDUE);
                }
            }
        }
        IndicatorCounts.Tally decided = in(months, c.decidedOn());
        if (decided != null) {
            if (legalReviewRequired(c)) {
                decided.count(Measure.REVIEW_REQUIRED);
                if (c.legalReviewedOn() != null && !c.legalReviewedOn().isAfter(c.decidedOn())) {
                    decided.count(Measure.REVIEW_DONE);
                }
            }
            if (c.isPublishable()) {
                LocalDate due = DecisionPublicationDeadline.due(calendar, c.decidedOn()).dueOn();
                if (c.publishedOn() != null || asOf.isAfter(due)) {
                    decided.count(Measure.PUBLICATION_DUE);
                    if (c.publishedOn() != null && !c.publishedOn().isAfter(due)) {
                        decided.count(Measure.PUBLISHED_IN_TIME);
                    }
                }
            }
            if (c.fineFen() > 0) {
                decided.count(Measure.FINES_DECIDED).add(Measure.FINE_FEN, c.fineFen())
                        .add(Measure.PAID_FEN, Math.min(c.paidFen(), c.fineFen()));
                if (!c.hasUnpaidFine()) {
                    decided.count(Measure.FINES_PAID);
                }
            }
        }
        IndicatorCounts.Tally closed = in(months, c.closedOn());
        if (closed != null) {
            closed.count(Measure.CLOSED);
            if (c.filedOn() != null) {
                closed.count(Measure.HANDLED).add(Measure.HANDLING_DAYS,
                        ChronoUnit.DAYS.between(c.filedOn(), c.closedOn()));
            }
        }
    }

    // identifiers (统一社会信用代码, 身份证号) are upper-case letters and digits: a catalogue typed with a lower-case x or
    // stray spaces still matches the case platform's inspection
    private static String coverageKey(SubjectId subject, String objectId, String matterCode, YearMonth month) {
        return subject.value() + '\u0000' + objectId.strip().toUpperCase(java.util.Locale.ROOT) + '\u0000'
                + matterCode + '\u0000' + month;
    }

    /** Legal review (法制审核) is required for a general-procedure decision as the case platform requires it. */
    private boolean legalReviewRequired(CaseFacts c) {
        return !c.summary() && (rules.legalReviewForAll() || c.major() || c.hearingHeld()
                || rules.legalReview().isReachedBy(c.party().kind(), c.fineFen()));
    }

    private static IndicatorCounts.Tally in(Map<YearMonth, IndicatorCounts.Tally> months, LocalDate day) {
        return day == null ? null : months.get(YearMonth.from(day));
    }

    private IndicatorTable rollUp(Map<SubjectId, Map<YearMonth, IndicatorCounts.Tally>> tallies,
                                  Collection<EnforcementSubject> subjects, YearMonth from, YearMonth to) {
        String cityCode = registry.city().code().value();
        List<IndicatorRow> subjectRows = new ArrayList<>();
        Map<CountyGroup, Map<YearMonth, IndicatorCounts.Tally>> counties = new LinkedHashMap<>();
        Map<YearMonth, IndicatorCounts.Tally> city = new LinkedHashMap<>();
        for (EnforcementSubject s : subjects.stream().sorted(Comparator.comparing(x -> x.id().value())).toList()) {
            CountyGroup county = registry.countyOf(s.id());
            for (Map.Entry<YearMonth, IndicatorCounts.Tally> e : tallies.get(s.id()).entrySet()) {
                IndicatorCounts counts = e.getValue().toCounts();
                subjectRows.add(new IndicatorRow(ScopeLevel.SUBJECT, s.id().value(), s.name(), county.code(),
                        e.getKey(), counts));
                counties.computeIfAbsent(county, k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.getKey(), k -> new IndicatorCounts.Tally()).addAll(counts);
                city.computeIfAbsent(e.getKey(), k -> new IndicatorCounts.Tally()).addAll(counts);
            }
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            IndicatorCounts.Tally t = city.get(m);
            rows.add(new IndicatorRow(ScopeLevel.CITY, cityCode, registry.city().name(), null, m,
                    t == null ? IndicatorCounts.zero() : t.toCounts()));
        }
        counties.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().code())).forEach(e ->
                e.getValue().forEach((m, t) -> rows.add(new IndicatorRow(ScopeLevel.COUNTY, e.getKey().code(),
                        e.getKey().name(), cityCode, m, t.toCounts()))));
        rows.addAll(subjectRows);
        return new IndicatorTable(from, to, rows);
    }
}
