package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyStage;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CountyGroup;

import java.time.LocalDate;
import java.util.List;

/**
 * The live status of one open case for a supervisor: where it stands and its deadlines by the legal clock.
 *
 * @param number      the case number
 * @param subject     the subject handling it
 * @param subjectName its name
 * @param county      its county group
 * @param matterName  the matter
 * @param partyName   the party's name (the id number is never shown here)
 * @param stage       its stage
 * @param suspended   中止 now
 * @param filedOn     立案 day, or {@code null} while a lead
 * @param fineFen     the fine decided, in fen
 * @param state       the worst state of its running deadlines
 * @param deadlines   the running deadlines, each with its rule and article
 */
public record LiveCaseStatus(CaseNumber number, SubjectId subject, String subjectName, CountyGroup county,
                             String matterName, String partyName, PenaltyStage stage, boolean suspended,
                             LocalDate filedOn, long fineFen, DeadlineState state, List<Deadline> deadlines) {
    public LiveCaseStatus {
        deadlines = List.copyOf(deadlines);
    }

    /** The earliest due day among the running deadlines, or {@code null} when none runs. */
    public LocalDate nextDue() {
        return deadlines.stream().map(Deadline::dueOn).min(LocalDate::compareTo).orElse(null);
    }
}
