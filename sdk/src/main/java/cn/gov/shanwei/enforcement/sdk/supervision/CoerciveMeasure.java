package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A coercive measure in force (查封、扣押、冻结) with its term.
 *
 * @param caseNumber    the measure's case number
 * @param subject       the enforcement subject that imposed it
 * @param kind          e.g. {@code SEIZURE}
 * @param stage         e.g. {@code IN_FORCE}
 * @param imposedOn     the day it was imposed
 * @param extensionDays days of approved extension (at most 30)
 * @param state         the worst deadline state
 * @param deadlines     the running deadlines (the term first)
 */
public record CoerciveMeasure(String caseNumber, String subject, String kind, String stage, LocalDate imposedOn,
                              int extensionDays, DeadlineState state, List<Deadline> deadlines) {

    /** Copies the list; {@code null} is empty. */
    public CoerciveMeasure {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
