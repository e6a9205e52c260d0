package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.OfficialDocument;
import cn.gov.shanwei.enforcement.adapters.seal.OfficialDocumentOfdWriter;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentSealing;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The case platform's {@link ProcedureDocumentSealing} port over the durable outbox (ADR 0515): in the transaction of
 * the step that issues it, a measure's decision, its release decision or an inspection's on-site record is laid out
 * as OFD ({@link OfficialDocumentOfdWriter}, the layout of the penalty decision), stored in
 * {@link ProcedureDocumentLedger} and {@link SealProcedureDocumentHandler#OPERATION} is enqueued, keyed by the
 * issuing event. Serving a decision or a release decision waits for its seal; the on-site record's seal waits on
 * nothing.
 */
public class OutboxProcedureDocuments implements ProcedureDocumentSealing {

    private final ProcedureDocumentLedger ledger;
    private final SealRequests requests;

    public OutboxProcedureDocuments(Outbox outbox, ProcedureDocumentLedger ledger, SealProvider seals, String systemId,
                                    Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.requests = new SealRequests(outbox, seals, systemId, clock);
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public void issued(ProcedureDocumentToSeal d) {
        byte[] ofd = OfficialDocumentOfdWriter.write(new OfficialDocument(d.issuingUnit(), d.text().title(),
                d.documentNumber(), d.text().paragraphs(), d.text().dated()));
        requests.issue(ledger, SealProcedureDocumentHandler.OPERATION, new SealRequests.Issue(
                ProcedureDocumentLedger.documentId(d.kind(), d.eventId()), d.caseId(), d.subjectId(), d.caseNumber(),
                d.documentNumber(), d.issuingUnit(), d.officerId(), d.matterCode(),
                "seal-document-" + d.eventId()), ofd);
    }

    @Override
    public String notSealedBecause(UUID caseId, DocumentKind kind) {
        return ledger.byCase(caseId, kind).stream().findFirst().map(SealRequests::notSealedBecause)
                .orElse("the " + kind.chinese() + " has no document");
    }

    @Override
    public List<SealedDocument> sealedDocuments(UUID caseId) {
        return SealRequests.sealed(ledger, ledger.byCase(caseId));
    }
}
