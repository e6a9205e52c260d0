package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.MeasureStage;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.List;

/**
 * The live status of a coercive measure still in force.
 *
 * @param number        its case number
 * @param subject       the subject that took it
 * @param kind          查封, 扣押 or 冻结
 * @param stage         its stage
 * @param imposedOn     the day it was taken
 * @param extensionDays the approved extension (0 when not extended)
 * @param state         the worst state of its deadlines
 * @param deadlines     the running deadlines (the term first), with rule and article
 */
public record LiveMeasureStatus(CaseNumber number, SubjectId subject, CoercionKind kind, MeasureStage stage,
                                LocalDate imposedOn, int extensionDays, DeadlineState state,
                                List<Deadline> deadlines) {
    public LiveMeasureStatus {
        deadlines = List.copyOf(deadlines);
    }
}
