package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureCaseEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A coercive measure or an inspection as lists show it; the party's identifier is masked.
 *
 * @param id             the id
 * @param caseNumber     its case number
 * @param subjectId      the subject
 * @param matterCode     the matter (or published inspection item)
 * @param matterVersion  the matter version
 * @param matterName     the matter's name
 * @param kind           SEAL_UP/SEIZURE/FREEZE for a measure, the origin for an inspection
 * @param stage          the stage
 * @param partyKind      PERSON or ORGANISATION
 * @param partyName      the party's name
 * @param partyIdMasked  the masked identifier
 * @param place          the area
 * @param openedOn       the day it was taken (measure) or planned (inspection)
 * @param dueOn          the next running deadline, if any
 * @param followUpCaseId the penalty case registered from an inspection's lead, if any
 * @param updatedAt      when it last changed
 * @param version        the optimistic-locking version (ETag)
 */
public record ProcedureSummary(UUID id, String caseNumber, String subjectId, String matterCode, int matterVersion,
                               String matterName, String kind, String stage, String partyKind, String partyName,
                               String partyIdMasked, String place, LocalDate openedOn, LocalDate dueOn,
                               UUID followUpCaseId, Instant updatedAt, long version) {

    /** The summary of a read row. */
    public static ProcedureSummary of(ProcedureCaseEntity r) {
        return new ProcedureSummary(r.id(), r.caseNumber(), r.subjectId(), r.matterCode(), r.matterVersion(),
                r.matterName(), r.kind(), r.stage(), r.partyKind(), r.partyName(), r.partyIdMasked(), r.place(),
                r.openedOn(), r.dueOn(), r.followUpCaseId(), r.updatedAt(), r.version());
    }
}
