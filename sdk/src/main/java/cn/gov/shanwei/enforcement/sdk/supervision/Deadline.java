package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;

/**
 * A running legal deadline of a case or measure.
 *
 * @param rule        the rule's name, e.g. {@code ServiceDeadline}
 * @param label       what must be done
 * @param article     the legal basis
 * @param dueOn       the last day
 * @param state       where it stands on the day asked about
 * @param provisional whether a holiday notice was missing, so the day may still move
 * @param paused      whether the clock is stopped
 */
public record Deadline(String rule, String label, String article, LocalDate dueOn, DeadlineState state,
                       boolean provisional, boolean paused) {
}
