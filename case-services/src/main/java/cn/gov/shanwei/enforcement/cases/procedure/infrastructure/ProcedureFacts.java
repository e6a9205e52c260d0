package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.LocalDate;

/**
 * What the read row of a coercive measure or an inspection keeps from its aggregate after every command.
 *
 * @param caseNumber        the procedure's case number
 * @param subjectId         the subject
 * @param matter            the matter version it runs under
 * @param kind              查封/扣押/冻结 for a measure, the origin for an inspection
 * @param stage             the stage's name
 * @param party             the party (its identifier is encrypted, masked and indexed, never stored readable)
 * @param place             the area
 * @param openedOn          the day it was taken or planned
 * @param dueOn             the next running deadline's day, or null
 * @param limitYear         the calendar year it counts in for the yearly inspection limit, or null
 * @param countsTowardLimit whether it counts towards that limit
 */
public record ProcedureFacts(String caseNumber, String subjectId, MatterVersion matter, String kind, String stage,
                             Party party, String place, LocalDate openedOn, LocalDate dueOn, Integer limitYear,
                             boolean countsTowardLimit) {
}
