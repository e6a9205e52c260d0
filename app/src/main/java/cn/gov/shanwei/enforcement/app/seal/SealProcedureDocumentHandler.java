package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.cases.procedure.application.SealedProcedureDocuments;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code seal.sign-procedure-document}: has a document of a coercive measure or an inspection sealed, verified and
 * recorded as the procedure's {@code DocumentSealed} event ({@link SealDocumentHandler}: reconcile before retry; a
 * failed verification is a task for staff, and a decision or release decision cannot be served).
 */
public class SealProcedureDocumentHandler extends SealDocumentHandler {

    /** {@code seal.sign-procedure-document}, queue {@code hub.durable.seal.sign-procedure-document}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.SEAL, "sign-procedure-document");

    /**
     * @param procedures  the procedures' side, looked up on first use (the procedures' services issue documents
     *                    through the outbox, which starts this handler's consumer)
     * @param transaction a new transaction per use (the handler runs outside the database's transactions)
     */
    public SealProcedureDocumentHandler(SealProvider provider, ProcedureDocumentLedger ledger,
                                        Supplier<SealedProcedureDocuments> procedures,
                                        TransactionTemplate transaction, VerificationReports reports, Clock clock) {
        super(OPERATION, provider, ledger, (row, digest, summary) -> ProcedureDocumentLedger.kindOf(row.documentId())
                .map(kind -> procedures.get().record(row.caseId(), row.subjectId(), kind, row.decisionNumber(),
                        digest, row.sealId(), summary))
                .orElseGet(() -> Optional.of("document " + row.documentId() + " names no kind of document")),
                transaction, reports, clock);
    }
}
