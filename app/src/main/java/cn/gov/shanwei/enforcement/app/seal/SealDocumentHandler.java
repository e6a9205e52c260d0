package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.seal.SealClient;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.adapters.seal.SignatureMade;
import cn.gov.shanwei.enforcement.adapters.seal.SignedContent;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Has a document of a {@link SealedDocumentLedger} sealed by the provincial seal service (电子签章), verifies the
 * sealed OFD locally and records the seal on the case or procedure it belongs to (in the same transaction as the
 * sealed document). Not safe to resend blindly (the service cannot deduplicate: a repeat would sign a second time),
 * so after an attempt with an unknown outcome the service is asked by our business key (the document id) first
 * ({@link SealClient#findSignature}); if it has signed, the sealed document is rebuilt around that signature
 * ({@link SealClient#embed}) from what the attempt kept before sending, and nothing is signed again.
 *
 * <p>A verification that fails is stored as {@link SealedDocumentLedger.State#VERIFICATION_FAILED} with its report
 * (a task for staff; the document cannot count as served) and the call is settled: the provider's effect exists.
 * {@link SealDecisionHandler} seals penalty decisions, {@link SealProcedureDocumentHandler} the documents of coercive
 * measures and inspections.
 */
public class SealDocumentHandler implements DurableCallHandler {

    /** Records a sealed and verified document where it belongs (in the caller's transaction). */
    @FunctionalInterface
    public interface Recorder {
        /**
         * @param summary the verification in one line
         * @return empty when recorded; otherwise why the case or procedure refused it
         */
        Optional<String> record(SealedDocumentLedger.Row row, Sm3 sealedDigest, String summary);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SealDocumentHandler.class);

    private final ProviderOperation operation;
    private final SealProvider provider;
    private final SealedDocumentLedger ledger;
    private final Recorder cases;
    private final TransactionTemplate transaction;
    private final VerificationReports reports;
    private final Clock clock;

    /**
     * @param transaction a new transaction per use (the handler runs outside the database's transactions)
     */
    public SealDocumentHandler(ProviderOperation operation, SealProvider provider, SealedDocumentLedger ledger,
                               Recorder cases, TransactionTemplate transaction, VerificationReports reports,
                               Clock clock) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProviderOperation operation() {
        return operation;
    }

    @Override
    public String execute(DurableCall call) {
        SealedDocumentLedger.Row row = pending(call);
        if (row.state() != SealedDocumentLedger.State.PENDING) {
            return reference(row.sealedSm3());
        }
        String key = call.businessKey();
        byte[] sealed;
        try {
            sealed = provider.client().seal(ledger.unsealed(key), row.sealId(), row.signerId(), key,
                    fresh -> transaction.execute(tx -> ledger.keep(key, fresh)));
        } catch (ProviderRejectedException refused) {
            // Final: the durable call is dead-lettered for ops; the case shows why its document is not sealed.
            transaction.executeWithoutResult(tx -> ledger.refused(key, "the seal service refused: "
                    + refused.providerCode() + " " + refused.getMessage()));
            throw refused;
        }
        return complete(row, sealed);
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    /**
     * Reconcile before retry: if the service signed under the document id, the sealed document is rebuilt around that
     * signature and completed now.
     *
     * @throws IllegalStateException a signature exists but nothing was kept to rebuild around (cannot tell: retried)
     */
    @Override
    public boolean alreadyDone(DurableCall call) {
        SealedDocumentLedger.Row row = pending(call);
        if (row.state() != SealedDocumentLedger.State.PENDING) {
            return true;
        }
        String key = call.businessKey();
        Optional<SignatureMade> found = provider.client().findSignature(key);
        if (found.isEmpty()) {
            return false;
        }
        SignedContent kept = ledger.kept(key).orElseThrow(() -> new IllegalStateException("the seal service signed "
                + key + " but the hub kept nothing to rebuild the document around"));
        complete(row, provider.client().embed(ledger.unsealed(key), row.sealId(), kept, found.get().sesSignature()));
        return true;
    }

    private SealedDocumentLedger.Row pending(DurableCall call) {
        return ledger.byId(call.businessKey()).orElseThrow(() -> new AdapterValidationException(SealClient.PROVIDER,
                SealClient.SEAL_DOCUMENT, "documentId", "no document " + call.businessKey()));
    }

    /** Verifies, stores and records; one transaction. */
    private String complete(SealedDocumentLedger.Row row, byte[] sealed) {
        SealVerificationReport report = provider.verifier().verify(sealed, row.collectingUnit());
        Sm3 digest = Sm3.of(sealed);
        String json = reports.json(report);
        transaction.executeWithoutResult(tx -> {
            if (report.valid()) {
                if (ledger.sealed(row.documentId(), sealed, digest.hex(), SealedDocumentLedger.State.SEALED, json,
                        null, clock.instant())) {
                    cases.record(row, digest, VerificationReports.summary(report)).ifPresent(refusal -> {
                        throw new IllegalStateException("case " + row.caseNumber() + " refused its sealed document "
                                + row.documentId() + ": " + refusal);
                    });
                }
            } else {
                String problem = VerificationReports.failures(report);
                ledger.sealed(row.documentId(), sealed, digest.hex(), SealedDocumentLedger.State.VERIFICATION_FAILED,
                        json, problem, clock.instant());
                LOG.warn("The sealed document {} of case {} failed verification: {}", row.documentId(),
                        row.caseNumber(), problem);
            }
        });
        return reference(digest.hex());
    }

    private static String reference(String sealedSm3) {
        return "sealed-sm3:" + sealedSm3;
    }
}
