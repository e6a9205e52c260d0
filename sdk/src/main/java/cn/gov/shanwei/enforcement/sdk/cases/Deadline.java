package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.LocalDate;

/**
 * A running legal deadline of a case, a coercive measure or an inspection.
 *
 * @param rule        the rule's name, for example {@code DecisionDeadline}
 * @param label       what must be done, in the officer's words
 * @param article     the legal basis, for example {@code 行政处罚法 art. 60}
 * @param dueOn       the last day in time
 * @param provisional whether a holiday notice was missing, so the day may still move
 * @param paused      whether the clock is stopped now
 */
public record Deadline(String rule, String label, String article, LocalDate dueOn, boolean provisional,
                       boolean paused) {
}
