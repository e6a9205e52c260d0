package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A scored case-file review (案卷评查) as the indicators see it.
 *
 * @param caseNumber the reviewed case
 * @param subject    the reviewed subject
 * @param scoredOn   the day the score was given
 * @param points     the score
 */
public record ReviewScore(CaseNumber caseNumber, SubjectId subject, LocalDate scoredOn, int points) {
    public ReviewScore {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scoredOn, "scoredOn");
    }
}
