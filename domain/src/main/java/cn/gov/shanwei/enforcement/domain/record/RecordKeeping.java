package cn.gov.shanwei.enforcement.domain.record;

import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;

/**
 * What a coercive measure and an inspection record besides their steps, with one signature for both, so that the case
 * platform keeps them alike: where 粤政图 placed an evidence item (ADR 0713) and a document sealed and verified
 * (ADR 0515). Each aggregate keeps its own rules and events; a rejection changes nothing.
 *
 * @param <E> the aggregate's event family
 */
public interface RecordKeeping<E> {

    /** Records where 粤政图 placed evidence {@code evidenceId}, once, for evidence the aggregate recorded. */
    Outcome<E> recordEvidenceLocation(CommandContext ctx, String evidenceId, EvidenceLocation location);

    /** Records that a document of the aggregate was sealed by the seal service and its seal verified by the hub. */
    Outcome<E> recordDocumentSealed(CommandContext ctx, DocumentKind kind, String documentNumber, Sm3 documentDigest,
                                    String sealId, String verification);
}
