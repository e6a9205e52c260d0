package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.app.webhook.Webhooks;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;

import org.springframework.transaction.support.TransactionOperations;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code exchange.push-record}: pushes one batch of records (a case's record version, or a municipal system's records
 * from {@code POST /api/v1/exchange/records}) in the configured mode; the batch id is the call's idempotency key.
 *
 * <p><b>Resend is safe</b>: the exchange answers a resent batch id with its first answer, and even past its memory of
 * batch ids a record of the same id, version and content is answered DUPLICATE and changes nothing; file and front-db
 * modes recognise their own earlier write. So a retry after an unknown outcome simply sends again.
 *
 * <p>Per-record answers: accepted, duplicate and handed-over records are done; a refused record is the exchange's
 * final answer for it — the answers are stored ({@link ExchangeTracking}) and the call fails with a
 * {@link ProviderRejectedException}, so it is not sent again and lands in the dead-letter queue for ops, naming the
 * refused records. The accepted ones stay done (a replay by ops resends the same batch id and changes nothing).
 */
public class PushRecordHandler implements DurableCallHandler {

    /** {@code exchange.push-record}, queue {@code hub.durable.exchange.push-record}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.EXCHANGE, "push-record");
    /** The code of the refusal when the exchange refused some records. */
    public static final String RECORDS_REJECTED = "RECORDS_REJECTED";

    private final RecordDelivery delivery;
    private final ExchangeTracking tracking;
    private final TransactionOperations transaction;
    private final Webhooks webhooks;

    /** A handler that tells no client's webhook (the delivery modes' tests). */
    public PushRecordHandler(RecordDelivery delivery, ExchangeTracking tracking) {
        this(delivery, tracking, TransactionOperations.withoutTransaction(), null);
    }

    /**
     * @param transaction the answers and the pushing client's {@code exchange.push-completed} event commit together
     * @param webhooks    where that event goes; null for none
     */
    public PushRecordHandler(RecordDelivery delivery, ExchangeTracking tracking, TransactionOperations transaction,
                             Webhooks webhooks) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.webhooks = webhooks;
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        PushBatch batch = new PushBatch(call.idempotencyKey(), RecordEnvelopes.readPayload(call.payload()));
        List<RecordDelivery.Answer> answers = delivery.deliver(batch);
        transaction.executeWithoutResult(tx -> tracking.settle(call.idempotencyKey(), delivery.mode(), answers)
                .ifPresent(settled -> {
                    if (webhooks != null) {
                        webhooks.publish(call.context().callingSystem(), WebhookEventType.EXCHANGE_PUSH_COMPLETED,
                                call.idempotencyKey(), settled.state().name(), settled.at(), call.context());
                    }
                }));
        List<RecordDelivery.Answer> refused = answers.stream()
                .filter(a -> a.status() == RecordStatus.REJECTED).toList();
        if (!refused.isEmpty()) {
            throw new ProviderRejectedException(ExchangeClient.PROVIDER, ExchangeClient.PUSH, refused.size() + " of "
                    + answers.size() + " records refused: " + refused.stream()
                    .map(a -> a.recordId() + " " + a.code() + (a.message() == null ? "" : " (" + a.message() + ")"))
                    .collect(Collectors.joining("; ")), RECORDS_REJECTED, null, null);
        }
        return batch.batchId() + ":" + delivery.mode().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + answers.size();
    }

    @Override
    public boolean resendIsSafe() {
        return true;
    }

    /** Never asked: a resend is safe. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        throw new UnsupportedOperationException("a push is resent, never reconciled");
    }
}
