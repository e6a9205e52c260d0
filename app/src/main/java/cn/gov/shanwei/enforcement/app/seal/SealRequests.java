package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a laid-out document is handed to the seal service, whichever procedure issues it: in the caller's transaction
 * the unsealed OFD is stored with its SM3 in a {@link SealedDocumentLedger} and the durable seal request is enqueued,
 * keyed by the event that issued it, so it is sealed exactly once after the step commits; without a seal configured
 * for the subject the document waits as {@code NO_SEAL}, a task for staff.
 */
final class SealRequests {

    private final Outbox outbox;
    private final SealProvider seals;
    private final String systemId;
    private final Clock clock;

    SealRequests(Outbox outbox, SealProvider seals, String systemId, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.seals = Objects.requireNonNull(seals, "seals");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A document to seal.
     *
     * @param documentId     our business key (the seal service's lookup key)
     * @param number         the document's number
     * @param unit           the issuing unit (whose seal it must carry)
     * @param officerId      the signer named to the seal service
     * @param matterCode     the legal purpose of the request
     * @param idempotencyKey the outbox key, from the issuing event
     */
    record Issue(String documentId, UUID caseId, String subjectId, String caseNumber, String number, String unit,
                 String officerId, String matterCode, String idempotencyKey) {
    }

    /** Stores {@code ofd} and enqueues its seal request, once per document id. */
    void issue(SealedDocumentLedger ledger, ProviderOperation operation, Issue d, byte[] ofd) {
        Optional<String> seal = seals.sealOf(d.subjectId());
        SealedDocumentLedger.Row row = new SealedDocumentLedger.Row(d.documentId(), d.caseId(), d.subjectId(),
                d.caseNumber(), d.number(), d.unit(), seal.orElse(null), d.officerId(),
                seal.isPresent() ? SealedDocumentLedger.State.PENDING : SealedDocumentLedger.State.NO_SEAL,
                Sm3.of(ofd).hex(), null, null, seal.isPresent() ? null : "no seal is configured for subject "
                + d.subjectId() + " (hub.seal.seals." + d.subjectId() + ")", clock.instant(), null);
        if (!ledger.open(row, ofd) || seal.isEmpty()) {
            return;
        }
        outbox.enqueue(operation, d.documentId(), "{\"documentId\":\"" + d.documentId() + "\"}",
                new CallContext(systemId, d.officerId(), d.caseNumber(), d.matterCode(), d.idempotencyKey(), null));
    }

    /** Why {@code row} is not sealed and verified, in words for the officer. */
    static String notSealedBecause(SealedDocumentLedger.Row row) {
        return switch (row.state()) {
            case PENDING -> "the seal service has not sealed document " + row.documentId() + " yet";
            case SEALED -> "document " + row.documentId() + " is sealed, but for an earlier step";
            case VERIFICATION_FAILED -> "the seal on document " + row.documentId() + " failed verification ("
                    + row.problem() + "); staff must resolve it";
            case SEAL_REFUSED, NO_SEAL -> row.problem() + "; staff must resolve it";
        };
    }

    /** The sealed and verified documents among {@code rows}, oldest first, for a case file. */
    static List<SealedDocument> sealed(SealedDocumentLedger ledger, List<SealedDocumentLedger.Row> rows) {
        return rows.stream().filter(r -> r.state() == SealedDocumentLedger.State.SEALED)
                .sorted(Comparator.comparing(SealedDocumentLedger.Row::createdAt))
                .map(r -> new SealedDocument(r.decisionNumber(), ledger.sealed(r.documentId()).orElseThrow(),
                        r.report())).toList();
    }
}
