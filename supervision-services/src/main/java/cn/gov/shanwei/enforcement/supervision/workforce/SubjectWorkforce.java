package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

/**
 * One subject's workforce in figures.
 *
 * @param subject         the subject
 * @param name            its name
 * @param officers        officers registered
 * @param certified       officers whose certificate is valid on the day
 * @param expiring        officers whose certificate ends within the warning window
 * @param openCases       the subject's open cases
 * @param openPerCertified open cases per certified officer ({@code null} with none certified)
 */
public record SubjectWorkforce(SubjectId subject, String name, int officers, int certified, int expiring,
                               int openCases, Double openPerCertified) {
}
