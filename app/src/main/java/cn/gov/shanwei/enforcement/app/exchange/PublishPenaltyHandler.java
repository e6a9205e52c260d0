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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code exchange.publish-penalty}: publishes a served decision (双公示) through the exchange, and records the
 * exchange's confirmation as the case's publication step ({@link ConfirmedPublications}: the step is appended once;
 * if an officer recorded it already, it is not duplicated) and in {@link PublicationLedger}.
 *
 * <p><b>Not resent blindly</b>: a publication is public, and the (assumed) contract promises deduplication by
 * publication id without saying for how long. So after an attempt with an unknown outcome the exchange is asked
 * first ({@link ExchangeClient#findPublication}); if it has the publication, the confirmation is recorded and the
 * call settled without publishing again.
 *
 * <p>A decision changed before its publication went out is not published (行政处罚法 art. 48): the ledger says why.
 */
public class PublishPenaltyHandler implements DurableCallHandler {

    /** {@code exchange.publish-penalty}, queue {@code hub.durable.exchange.publish-penalty}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.EXCHANGE, "publish-penalty");

    private static final Logger LOG = LoggerFactory.getLogger(PublishPenaltyHandler.class);

    private final ExchangeProvider provider;
    private final PublicationLedger ledger;
    private final ConfirmedPublications cases;
    private final TransactionTemplate transactions;

    public PublishPenaltyHandler(ExchangeProvider provider, PublicationLedger ledger, ConfirmedPublications cases,
                                 TransactionTemplate transactions) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The outbox payload of a publication.
     *
     * @param caseId    the case
     * @param subjectId its subject
     * @param decision  the decision's fields (penalty-record.schema.json, no personal id number)
     */
    public record Payload(UUID caseId, String subjectId, ObjectNode decision) {

        String json() {
            return OutboxPayloads.write(RecordEnvelopes.JSON, this, "publication");
        }

        static Payload read(String json) {
            Payload p = OutboxPayloads.read(RecordEnvelopes.JSON, json, Payload.class, ExchangeClient.PROVIDER,
                    ExchangeClient.PUBLISH, "publication");
            if (p.caseId() == null || p.subjectId() == null || p.decision() == null) {
                throw new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUBLISH, "payload",
                        "needs caseId, subjectId and decision");
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
        Optional<PublicationLedger.Row> row = ledger.byCase(payload.caseId());
        if (row.isPresent() && row.get().state() != PublicationLedger.State.PENDING) {
            return row.get().state().name();
        }
        Boolean publishable = transactions.execute(tx -> cases.publishable(payload.caseId(), payload.subjectId())
                .orElseThrow(() -> new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUBLISH,
                        "caseId", "no case " + payload.caseId() + " of subject " + payload.subjectId())));
        if (!Boolean.TRUE.equals(publishable)) {
            ledger.notPublished(payload.caseId(), "the decision was changed before its publication went out");
            return PublicationLedger.State.NOT_PUBLISHED.name();
        }
        Publication publication = provider.client().publish(call.businessKey(), payload.decision());
        confirm(payload, publication);
        return publication.publicationId();
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    /** Reconcile before retry: does the exchange already hold the publication? If so it is recorded now. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        Optional<Publication> found = provider.client().findPublication(call.businessKey());
        found.ifPresent(p -> confirm(Payload.read(call.payload()), p));
        return found.isPresent();
    }

    private void confirm(Payload payload, Publication publication) {
        CaseConflicts.retried(() -> transactions.execute(tx -> {
            ledger.published(payload.caseId(), publication.changedAt());
            ConfirmedPublications.Result result = cases.published(payload.caseId(), payload.subjectId(),
                    publication.changedAt().atZone(PenaltyContext.CHINA).toLocalDate());
            if (result.kind() == ConfirmedPublications.Kind.REFUSED) {
                LOG.warn("Publication {} confirmed by the exchange, but case {} refused the publication step: {}",
                        publication.publicationId(), payload.caseId(), result.reason());
            }
            return null;
        }));
    }
}
