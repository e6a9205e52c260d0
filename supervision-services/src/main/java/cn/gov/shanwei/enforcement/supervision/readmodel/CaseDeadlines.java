package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The deadlines of a case as the domain's legal clock computes them (rule and article included), from the case
 * rebuilt out of its events. Supervision does not count periods itself: a new holiday notice in the calendar
 * changes these answers the same way it changes the case platform's.
 */
public final class CaseDeadlines {

    private final CaseReadModel model;
    private final Supplier<WorkingDayCalendar> calendar;
    private final PenaltyRules rules;

    /**
     * @param model    the read model
     * @param calendar the calendar in force (read on every call)
     * @param rules    the procedural rules the case platform applies
     */
    public CaseDeadlines(CaseReadModel model, Supplier<WorkingDayCalendar> calendar, PenaltyRules rules) {
        this.model = Objects.requireNonNull(model, "model");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The deadlines running on {@code asOf}; empty for an unknown or finished case. */
    public List<Deadline> of(CaseNumber number, LocalDate asOf) {
        return model.replay(number).map(c -> of(c, asOf)).orElse(List.of());
    }

    /** The deadlines of a case already rebuilt from its events, running on {@code asOf}. */
    public List<Deadline> of(PenaltyCase replayed, LocalDate asOf) {
        return replayed.deadlines(calendar.get(), rules, asOf);
    }

    /** The worst state of the running deadlines on {@code asOf} (ON_TIME when none runs). */
    public DeadlineState stateOf(CaseNumber number, LocalDate asOf) {
        return Deadline.worstStateOn(of(number, asOf), asOf);
    }

    /** The calendar in force. */
    public WorkingDayCalendar calendar() {
        return calendar.get();
    }

    /** The procedural rules. */
    public PenaltyRules rules() {
        return rules;
    }
}
