package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter;
import cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument;
import cn.gov.shanwei.enforcement.cases.seal.DecisionSealing;
import cn.gov.shanwei.enforcement.cases.seal.DecisionToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The case platform's {@link DecisionSealing} port over the durable outbox: in the transaction that records the
 * decision, the 行政处罚决定书 is laid out as OFD ({@link DecisionOfdWriter}), stored with its SM3 in
 * {@link DecisionDocumentLedger}, and {@link SealDecisionHandler#OPERATION} is enqueued, keyed by the decision event,
 * so the document is sealed exactly once after the decision commits. Service waits for the seal.
 */
public class OutboxDecisionSealing implements DecisionSealing {

    private final Outbox outbox;
    private final DecisionDocumentLedger ledger;
    private final SealProvider seals;
    private final String systemId;
    private final Clock clock;

    public OutboxDecisionSealing(Outbox outbox, DecisionDocumentLedger ledger, SealProvider seals, String systemId,
                                 Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.seals = Objects.requireNonNull(seals, "seals");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Our business key of the document of a decision event (the seal service's lookup key). */
    public static String documentId(DecisionToSeal decision) {
        return "SD-" + decision.decisionEventId();
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public void decided(DecisionToSeal d) {
        byte[] ofd = DecisionOfdWriter.write(new PenaltyDecisionDocument(d.decisionNumber(), d.partyName(), d.facts(),
                d.legalBasis(), d.decision(), d.collectingUnit(), d.decidedOn()));
        Optional<String> seal = seals.sealOf(d.subjectId());
        String documentId = documentId(d);
        DecisionDocumentLedger.Row row = new DecisionDocumentLedger.Row(documentId, d.caseId(), d.subjectId(),
                d.caseNumber(), d.decisionNumber(), d.collectingUnit(), seal.orElse(null), d.officerId(),
                seal.isPresent() ? DecisionDocumentLedger.State.PENDING : DecisionDocumentLedger.State.NO_SEAL,
                Sm3.of(ofd).hex(), null, null, seal.isPresent() ? null : "no seal is configured for subject "
                + d.subjectId() + " (hub.seal.seals." + d.subjectId() + ")", clock.instant(), null);
        if (!ledger.open(row, ofd) || seal.isEmpty()) {
            return;
        }
        outbox.enqueue(SealDecisionHandler.OPERATION, documentId, "{\"documentId\":\"" + documentId + "\"}",
                new CallContext(systemId, d.officerId(), d.caseNumber(), d.matterCode(),
                        "seal-decision-" + d.decisionEventId(), null));
    }

    @Override
    public String notSealedBecause(UUID caseId) {
        return ledger.byCase(caseId).stream().findFirst().map(row -> switch (row.state()) {
            case PENDING -> "the seal service has not sealed document " + row.documentId() + " yet";
            case SEALED -> "document " + row.documentId() + " is sealed, but for an earlier decision";
            case VERIFICATION_FAILED -> "the seal on document " + row.documentId() + " failed verification ("
                    + row.problem() + "); staff must resolve it";
            case SEAL_REFUSED, NO_SEAL -> row.problem() + "; staff must resolve it";
        }).orElse("the decision has no document");
    }

    @Override
    public List<SealedDocument> sealedDocuments(UUID caseId) {
        return ledger.byCase(caseId).stream().filter(r -> r.state() == DecisionDocumentLedger.State.SEALED)
                .sorted(Comparator.comparing(DecisionDocumentLedger.Row::createdAt))
                .map(r -> new SealedDocument(r.decisionNumber(), ledger.sealed(r.documentId()).orElseThrow(),
                        r.report())).toList();
    }
}
