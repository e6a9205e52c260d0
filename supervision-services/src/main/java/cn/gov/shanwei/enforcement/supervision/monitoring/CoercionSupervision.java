package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.MeasureStage;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.MeasureReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Supervision of coercive measures (行政强制监督): the measures in force in a supervisor's jurisdiction with their
 * term (30 days plus an approved extension, testing time excluded; 行政强制法 art. 25), and alerts for measures
 * whose term is ending or has passed, saying whether they were ever extended.
 */
public final class CoercionSupervision {

    private final MeasureReadModel model;
    private final Supplier<WorkingDayCalendar> calendar;
    private final SupervisionRegistry registry;
    private final AlertPolicy policy;

    /**
     * @param model    the measures
     * @param calendar the calendar in force
     * @param registry subjects, for the jurisdiction
     * @param policy   the due-soon window
     */
    public CoercionSupervision(MeasureReadModel model, Supplier<WorkingDayCalendar> calendar,
                               SupervisionRegistry registry, AlertPolicy policy) {
        this.model = model;
        this.calendar = calendar;
        this.registry = registry;
        this.policy = policy;
    }

    /** The measures in force (not released or disposed) that {@code supervisor} watches, most urgent first. */
    public List<LiveMeasureStatus> inForce(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        WorkingDayCalendar cal = calendar.get();
        return model.all().stream()
                .filter(m -> running(m) && registry.watches(sup, m.subject()))
                .map(m -> {
                    List<Deadline> deadlines = m.deadlines(cal, asOf);
                    return new LiveMeasureStatus(m.number(), m.subject(), m.kind(), m.stage(), m.imposedOn(),
                            m.extensionDays(), Deadline.worstStateOn(deadlines, asOf), deadlines);
                })
                .sorted(Comparator.comparing((LiveMeasureStatus s) -> s.state() != DeadlineState.OVERDUE)
                        .thenComparing(s -> s.state() != DeadlineState.DUE_SOON)
                        .thenComparing(LiveMeasureStatus::imposedOn)
                        .thenComparing(s -> s.number().value()))
                .toList();
    }

    /** The alerts on the measures {@code supervisor} watches: terms ending soon or passed. */
    public List<Alert> alerts(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        WorkingDayCalendar cal = calendar.get();
        List<Alert> alerts = new ArrayList<>();
        for (CoerciveMeasure m : model.all()) {
            if (registry.watches(sup, m.subject())) {
                alertOf(m, cal, asOf).ifPresent(alerts::add);
            }
        }
        alerts.sort(Comparator.comparing((Alert a) -> a.severity()).reversed()
                .thenComparing(a -> a.caseNumber().value()));
        return alerts;
    }

    /** The alert on one measure now, if any (what a push after one event shows; jurisdiction not checked). */
    public Optional<Alert> alertOf(CaseNumber number, LocalDate asOf) {
        return model.measure(number).flatMap(m -> alertOf(m, calendar.get(), asOf));
    }

    private Optional<Alert> alertOf(CoerciveMeasure m, WorkingDayCalendar cal, LocalDate asOf) {
        if (!running(m)) {
            return Optional.empty();
        }
        Deadline term = m.term(cal, asOf);
        DeadlineState state = term.stateOn(asOf, policy.dueSoonDays());
        if (state != DeadlineState.OVERDUE && state != DeadlineState.DUE_SOON) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(m.imposedOn(), asOf);
        String extension = m.extensionDays() == 0 ? "never extended" : "extended by " + m.extensionDays() + " days";
        AlertKind kind = state == DeadlineState.OVERDUE ? AlertKind.COERCIVE_MEASURE_OVERDUE
                : AlertKind.COERCIVE_MEASURE_DUE_SOON;
        String message = m.kind() + " taken on " + m.imposedOn() + " is in force for " + days + " days ("
                + extension + "); " + (state == DeadlineState.OVERDUE ? "its term ended on " + term.dueOn()
                : "release, dispose of or extend it by " + term.dueOn());
        return Optional.of(new Alert(kind + ":" + m.number().value() + ":term", kind, m.number(), m.subject(),
                message, term.rule(), term.article(), asOf));
    }

    private static boolean running(CoerciveMeasure m) {
        return m.stage() != MeasureStage.RELEASED && m.stage() != MeasureStage.DISPOSED;
    }
}
