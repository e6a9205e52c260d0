package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A coercive measure (行政强制措施) or an inspection (行政检查) as lists show it; the party's identifier is masked.
 *
 * @param id             the id
 * @param caseNumber     its case number
 * @param subjectId      the enforcement subject (执法主体) it belongs to
 * @param matterCode     the matter (事项编码), or the published inspection item
 * @param matterVersion  the matter's version in the catalogue
 * @param matterName     the matter's name
 * @param kind           {@code SEAL_UP}, {@code SEIZURE} or {@code FREEZE} for a measure, the origin for an
 *                       inspection (for example {@code COMPLAINT})
 * @param stage          the stage, for example {@code IN_FORCE} or {@code PLANNED}
 * @param partyKind      {@code PERSON} or {@code ORGANISATION}
 * @param partyName      the party's (or inspected entity's) name
 * @param partyIdMasked  the party's identifier, masked
 * @param place          the area (division code)
 * @param openedOn       the day the measure was taken or the inspection planned
 * @param dueOn          the next running deadline, or {@code null}
 * @param followUpCaseId the penalty case registered from an inspection's finding, or {@code null}
 * @param updatedAt      when it last changed
 * @param version        its version: pass it as {@code expectedVersion} to change it
 */
public record ProcedureSummary(UUID id, String caseNumber, String subjectId, String matterCode, int matterVersion,
                               String matterName, String kind, String stage, String partyKind, String partyName,
                               String partyIdMasked, String place, LocalDate openedOn, LocalDate dueOn,
                               UUID followUpCaseId, Instant updatedAt, long version) {
}
