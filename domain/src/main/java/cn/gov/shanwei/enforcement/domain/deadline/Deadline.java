package cn.gov.shanwei.enforcement.domain.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

/**
 * A computed deadline: the last day a step is in time, with the rule and article that set it.
 *
 * @param rule        the policy's code name, e.g. {@code DecisionDeadline}
 * @param label       what is due, in the officer's words, e.g. "作出行政处罚决定"
 * @param article     the legal source, e.g. "行政处罚法 art. 60"
 * @param dueOn       the last day in time (until 24:00)
 * @param provisional true when a year without an announced holiday notice was crossed: weekends only were
 *                    assumed, and the date may move once the notice is loaded
 * @param paused      true when the clock is stopped now: {@code dueOn} assumes it restarts today
 */
public record Deadline(String rule, String label, String article, LocalDate dueOn, boolean provisional,
                       boolean paused) {

    /** The default due-soon window in natural days. */
    public static final int DEFAULT_DUE_SOON_DAYS = 3;

    public Deadline {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** The state on {@code today} with the default due-soon window of three days. */
    public DeadlineState stateOn(LocalDate today) {
        return stateOn(today, DEFAULT_DUE_SOON_DAYS);
    }

    /** The state on {@code today}; due soon when at most {@code dueSoonDays} natural days are left. */
    public DeadlineState stateOn(LocalDate today, int dueSoonDays) {
        if (today.isAfter(dueOn)) {
            return DeadlineState.OVERDUE;
        }
        if (paused) {
            return DeadlineState.PAUSED;
        }
        return ChronoUnit.DAYS.between(today, dueOn) <= dueSoonDays ? DeadlineState.DUE_SOON : DeadlineState.ON_TIME;
    }

    /**
     * The worst state of {@code deadlines} on {@code asOf}: overdue before due soon before paused before on time
     * (ON_TIME when the list is empty).
     */
    public static DeadlineState worstStateOn(Collection<Deadline> deadlines, LocalDate asOf) {
        DeadlineState worst = DeadlineState.ON_TIME;
        for (Deadline d : deadlines) {
            DeadlineState s = d.stateOn(asOf);
            if (s == DeadlineState.OVERDUE) {
                return s;
            }
            if (s == DeadlineState.DUE_SOON || (s == DeadlineState.PAUSED && worst == DeadlineState.ON_TIME)) {
                worst = s;
            }
        }
        return worst;
    }

    /** Whether an act done on {@code day} is in time. */
    public boolean isMetBy(LocalDate day) {
        return !day.isAfter(dueOn);
    }

    /** This deadline marked as paused (the clock is stopped now). */
    public Deadline asPaused() {
        return new Deadline(rule, label, article, dueOn, provisional, true);
    }

    /** One line for an officer, e.g. "作出行政处罚决定 by 2026-05-06 (行政处罚法 art. 60)". */
    public String describe() {
        return label + " by " + dueOn + " (" + article + ")"
                + (provisional ? " — provisional: the holiday notice for a year counted is not yet published" : "")
                + (paused ? " — clock stopped" : "");
    }
}
