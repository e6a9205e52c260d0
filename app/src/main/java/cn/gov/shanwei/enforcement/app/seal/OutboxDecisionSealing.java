package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter;
import cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument;
import cn.gov.shanwei.enforcement.cases.seal.DecisionSealing;
import cn.gov.shanwei.enforcement.cases.seal.DecisionToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The case platform's {@link DecisionSealing} port over the durable outbox: in the transaction that records the
 * decision, the 行政处罚决定书 is laid out as OFD ({@link DecisionOfdWriter}), stored with its SM3 in
 * {@link DecisionDocumentLedger}, and {@link SealDecisionHandler#OPERATION} is enqueued, keyed by the decision event,
 * so the document is sealed exactly once after the decision commits. Service waits for the seal.
 */
public class OutboxDecisionSealing implements DecisionSealing {

    private final DecisionDocumentLedger ledger;
    private final SealRequests requests;

    public OutboxDecisionSealing(Outbox outbox, DecisionDocumentLedger ledger, SealProvider seals, String systemId,
                                 Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.requests = new SealRequests(outbox, seals, systemId, clock);
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
        requests.issue(ledger, SealDecisionHandler.OPERATION, new SealRequests.Issue(documentId(d), d.caseId(),
                d.subjectId(), d.caseNumber(), d.decisionNumber(), d.collectingUnit(), d.officerId(), d.matterCode(),
                "seal-decision-" + d.decisionEventId()), ofd);
    }

    @Override
    public String notSealedBecause(UUID caseId) {
        return ledger.byCase(caseId).stream().findFirst().map(SealRequests::notSealedBecause)
                .orElse("the decision has no document");
    }

    @Override
    public List<SealedDocument> sealedDocuments(UUID caseId) {
        return SealRequests.sealed(ledger, ledger.byCase(caseId));
    }
}
