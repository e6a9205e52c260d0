package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.app.outbox.OutboxPayloads;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.Publication;
import cn.gov.shanwei.enforcement.app.cases.CaseConflicts;
import cn.gov.shanwei.enforcement.cases.reporting.ConfirmedPublications;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code exchange.withdraw-penalty}: withdraws the publication of a changed or revoked decision (撤销公示, within 3
 * working days, 行政处罚法 art. 48(2)) and records the confirmation as the case's withdrawal step.
 *
 * <p><b>Resend is safe</b>: withdrawing a withdrawn publication changes nothing (the exchange answers its state).
 * The exchange is asked first: if it never published the decision (it was changed before publication, or the
 * publication was dead-lettered), there is nothing to withdraw and the call ends so.
 */
public class WithdrawPenaltyHandler implements DurableCallHandler {

    /** {@code exchange.withdraw-penalty}, queue {@code hub.durable.exchange.withdraw-penalty}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.EXCHANGE, "withdraw-penalty");
    /** The reference returned when the exchange holds no publication to withdraw. */
    public static final String NOTHING_TO_WITHDRAW = "NOTHING_TO_WITHDRAW";

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawPenaltyHandler.class);

    private final ExchangeProvider provider;
    private final PublicationLedger ledger;
    private final ConfirmedPublications cases;
    private final TransactionTemplate transactions;

    public WithdrawPenaltyHandler(ExchangeProvider provider, PublicationLedger ledger, ConfirmedPublications cases,
                                  TransactionTemplate transactions) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The outbox payload of a withdrawal.
     *
     * @param caseId    the case
     * @param subjectId its subject
     * @param reason    the reasons made public, 1-500 characters
     */
    public record Payload(UUID caseId, String subjectId, String reason) {

        String json() {
            return OutboxPayloads.write(RecordEnvelopes.JSON, this, "withdrawal");
        }

        static Payload read(String json) {
            Payload p = OutboxPayloads.read(RecordEnvelopes.JSON, json, Payload.class, ExchangeClient.PROVIDER,
                    ExchangeClient.WITHDRAW, "withdrawal");
            if (p.caseId() == null || p.subjectId() == null || p.reason() == null) {
                throw new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.WITHDRAW, "payload",
                        "needs caseId, subjectId and reason");
            }
            return p;
        }
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        Payload payload = Payload.read(call.payload());
        Optional<Publication> current = provider.client().findPublication(call.businessKey());
        if (current.isEmpty()) {
            return NOTHING_TO_WITHDRAW;
        }
        Publication withdrawn = current.get().status() == Publication.Status.WITHDRAWN ? current.get()
                : provider.client().withdraw(call.businessKey(), payload.reason());
        CaseConflicts.retried(() -> transactions.execute(tx -> {
            ledger.withdrawn(payload.caseId(), withdrawn.changedAt());
            ConfirmedPublications.Result result = cases.withdrawn(payload.caseId(), payload.subjectId(),
                    withdrawn.changedAt().atZone(PenaltyContext.CHINA).toLocalDate(), payload.reason());
            if (result.kind() == ConfirmedPublications.Kind.REFUSED) {
                LOG.warn("Withdrawal of {} confirmed by the exchange, but case {} refused the withdrawal step: {}",
                        withdrawn.publicationId(), payload.caseId(), result.reason());
            }
            return null;
        }));
        return withdrawn.publicationId();
    }

    @Override
    public boolean resendIsSafe() {
        return true;
    }

    /** Never asked: a resend is safe. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        throw new UnsupportedOperationException("a withdrawal is resent, never reconciled");
    }
}
