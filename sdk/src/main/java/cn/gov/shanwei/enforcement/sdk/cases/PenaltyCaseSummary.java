package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A penalty case as lists show it. Money is in fen (分), never floating point.
 *
 * @param id            the case id
 * @param caseNumber    the case number once filed (立案), otherwise {@code null}
 * @param subjectId     the enforcement subject (执法主体) the case belongs to
 * @param matterCode    enforcement matter code (事项编码)
 * @param matterVersion version of the matter in the catalogue the case follows
 * @param matterName    the matter's name
 * @param stage         where the case is, for example {@code LEAD}, {@code FILED}, {@code CLOSED}
 * @param suspended     whether the case is suspended (中止)
 * @param summary       whether it follows the summary procedure (简易程序)
 * @param partyKind     {@code PERSON} or {@code ORGANISATION}
 * @param partyName     the party's name
 * @param partyIdMasked the party's identifier, masked
 * @param place         where it happened
 * @param discoveredOn  the day it was discovered
 * @param fineFen       the fine decided, in fen
 * @param paidFen       paid so far, in fen
 * @param updatedAt     when it last changed
 * @param version       its version: pass it as {@code expectedVersion} to change the case
 */
public record PenaltyCaseSummary(UUID id, String caseNumber, String subjectId, String matterCode, int matterVersion,
                                 String matterName, String stage, boolean suspended, boolean summary,
                                 String partyKind, String partyName, String partyIdMasked, String place,
                                 LocalDate discoveredOn, long fineFen, long paidFen, Instant updatedAt,
                                 long version) {
}
