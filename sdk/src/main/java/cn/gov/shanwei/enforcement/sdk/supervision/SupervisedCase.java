package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * An open case as its supervisor sees it.
 *
 * @param caseNumber  the case number (案件编号)
 * @param subject     the enforcement subject handling it
 * @param subjectName its name
 * @param county      the county-level region code
 * @param countyName  its name
 * @param matter      the enforcement matter's name
 * @param party       the party's name
 * @param stage       the procedure stage, e.g. {@code FILED}
 * @param suspended   whether the case is suspended (中止)
 * @param filedOn     the filing day (立案), or {@code null} before filing
 * @param fineFen     the fine in fen (分), 0 when none
 * @param state       the worst deadline state
 * @param nextDue     the nearest due day, or {@code null}
 * @param deadlines   the running deadlines
 */
public record SupervisedCase(String caseNumber, String subject, String subjectName, String county,
                             String countyName, String matter, String party, String stage, boolean suspended,
                             LocalDate filedOn, long fineFen, DeadlineState state, LocalDate nextDue,
                             List<Deadline> deadlines) {

    /** Copies the list; {@code null} is empty. */
    public SupervisedCase {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }
}
