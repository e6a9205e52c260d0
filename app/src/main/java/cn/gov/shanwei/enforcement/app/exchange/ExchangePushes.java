package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordSchemas;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.util.List;
import java.util.Objects;

/**
 * Hands a push over durably, in the caller's transaction: checks every record against its type's schema first
 * (a bad record refuses the push at once, naming it, rather than in the dead-letter queue), opens its tracking and
 * enqueues {@link PushRecordHandler#OPERATION} with the tracking id as idempotency key.
 */
public class ExchangePushes {

    private final Outbox outbox;
    private final ExchangeTracking tracking;
    private final RecordSchemas schemas;

    public ExchangePushes(Outbox outbox, ExchangeTracking tracking, RecordSchemas schemas) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * @param context its idempotency key is the tracking id (and the batch id at the exchange)
     * @return false if this push was accepted before (nothing new written)
     * @throws AdapterValidationException naming the first bad record ({@code records[i]…})
     */
    public boolean enqueue(List<ExchangeRecord> records, CallContext context) {
        new PushBatch(context.idempotencyKey(), records);
        for (int i = 0; i < records.size(); i++) {
            List<String> problems = schemas.problems(records.get(i));
            if (!problems.isEmpty()) {
                throw new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUSH,
                        "records[" + i + "].data", "breaks the " + records.get(i).type() + " schema: "
                        + String.join("; ", problems));
            }
        }
        boolean opened = tracking.open(context.idempotencyKey(), context.callingSystem(), context.caseNumber(),
                records);
        outbox.enqueue(PushRecordHandler.OPERATION, records.get(0).recordId() + "#" + records.get(0).version()
                        + (records.size() > 1 ? "+" + (records.size() - 1) : ""),
                RecordEnvelopes.payload(records), context);
        return opened;
    }
}
