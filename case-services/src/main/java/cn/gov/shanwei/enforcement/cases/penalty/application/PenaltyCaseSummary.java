package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as lists show it; the party's identifier is masked.
 *
 * @param id             the case id
 * @param caseNumber     案件编号
 * @param subjectId      the subject handling it
 * @param matterCode     the matter
 * @param matterVersion  the matter version the case was opened under
 * @param matterName     the matter's name
 * @param stage          the stage (PenaltyStage name)
 * @param suspended      whether the case is suspended (中止)
 * @param summary        whether decided on the spot (简易程序)
 * @param partyKind      PERSON or ORGANISATION
 * @param partyName      the party's name
 * @param partyIdMasked  the masked identifier
 * @param place          where the facts took place
 * @param discoveredOn   the day the lead was discovered
 * @param fineFen        the fine decided, in fen
 * @param paidFen        the fine paid, in fen
 * @param updatedAt      when the case last changed
 * @param version        the optimistic-locking version (ETag)
 */
public record PenaltyCaseSummary(UUID id, String caseNumber, String subjectId, String matterCode, int matterVersion,
                                 String matterName, String stage, boolean suspended, boolean summary,
                                 String partyKind, String partyName, String partyIdMasked, String place,
                                 LocalDate discoveredOn, long fineFen, long paidFen, Instant updatedAt, long version) {

    /** The summary of a read row. */
    public static PenaltyCaseSummary of(PenaltyCaseEntity r) {
        return new PenaltyCaseSummary(r.id(), r.caseNumber(), r.subjectId(), r.matterCode(), r.matterVersion(),
                r.matterName(), r.stage(), r.suspended(), r.summary(), r.partyKind(), r.partyName(),
                r.partyIdMasked(), r.place(), r.discoveredOn(), r.fineFen(), r.paidFen(), r.updatedAt(), r.version());
    }
}
