package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.cases.seal.SealedDecisions;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * {@code seal.sign-decision}: has the decision document (行政处罚决定书) sealed, verified and recorded as the case's
 * {@code DecisionSealed} event ({@link SealDocumentHandler}: reconcile before retry, a failed verification is a task
 * for staff; the decision cannot be served).
 */
public class SealDecisionHandler extends SealDocumentHandler {

    /** {@code seal.sign-decision}, queue {@code hub.durable.seal.sign-decision}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.SEAL, "sign-decision");

    /**
     * @param transaction a new transaction per use (the handler runs outside the database's transactions)
     */
    public SealDecisionHandler(SealProvider provider, DecisionDocumentLedger ledger, SealedDecisions cases,
                               TransactionTemplate transaction, VerificationReports reports, Clock clock) {
        super(OPERATION, provider, ledger, (row, digest, summary) -> cases.record(row.caseId(), row.subjectId(),
                row.decisionNumber(), digest, row.sealId(), summary), transaction, reports, clock);
    }
}
