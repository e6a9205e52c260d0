package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceUse;
import cn.gov.shanwei.enforcement.adapters.licence.UsageCode;
import cn.gov.shanwei.enforcement.adapters.licence.UsageRecord;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;

/**
 * The licence usage record (用证记录) as a durable operation: after a case used a licence, the province's usage log
 * must say so, even if the province is down at that moment. Each attempt obtains a fresh 用证码 for the case's
 * purpose and records the use with it.
 *
 * <p>A resend is safe: the elicence service has no idempotency key and no way to ask for an earlier record, and a
 * repeated entry in a usage log says nothing false (the licence was used in that case), whereas a lost one would
 * hide a use. So a retry after an unknown outcome sends again (at least once), never reconciles.
 *
 * <p>Use cases enqueue it with {@link #payload} and a {@link CallContext} that names the case and the officer.
 */
public final class LicenceUsageRecordHandler implements DurableCallHandler {

    /** {@code licence.usage-record}: the operation, its queue {@code hub.durable.licence.usage-record}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.LICENCE, "usage-record");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElicenceClient client;

    public LicenceUsageRecordHandler(ElicenceClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * What a usage record carries besides its {@link CallContext}.
     *
     * @param licenceId   the licence used (证照标识)
     * @param matterName  the enforcement matter's name (事项名称)
     * @param officerName the officer's name
     * @param purpose     why the licence was used, in words (用证目的)
     */
    public record Payload(String licenceId, String matterName, String officerName, String purpose) {
    }

    /**
     * The outbox payload of a usage record, checked now against the context it will be enqueued with, so a use
     * case learns of a bad field before it commits rather than from the dead-letter queue.
     *
     * @param context the context the use case passes to {@code Outbox.enqueue}: it must name the case and officer
     * @throws AdapterValidationException naming the first bad field
     */
    public static String payload(String licenceId, String matterName, String officerName, String purpose,
                                 CallContext context) {
        Objects.requireNonNull(context, "context");
        new UsageRecord(matterName, officerName, purpose);
        new LicenceUse(licenceId, context.matterCode(), context.caseNumber(), context.officerId());
        if (context.caseNumber() == null || context.officerId() == null) {
            throw new AdapterValidationException(Provider.LICENCE.code(), ElicenceClient.RECORD_USAGE,
                    context.caseNumber() == null ? "caseNumber" : "officerId", "is required to record a usage");
        }
        try {
            return JSON.writeValueAsString(new Payload(licenceId, matterName, officerName, purpose));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a usage record", e);
        }
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        Payload payload = read(call.payload());
        CallContext context = call.context();
        UsageCode code = client.obtainUsageCode(new LicenceUse(payload.licenceId(), context.matterCode(),
                context.caseNumber(), context.officerId()));
        return client.recordUsage(code, new UsageRecord(payload.matterName(), payload.officerName(),
                payload.purpose())).usageRecordId();
    }

    @Override
    public boolean resendIsSafe() {
        return true;
    }

    /** Never asked: a resend is safe. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        throw new UnsupportedOperationException("the elicence service cannot be asked for an earlier usage record");
    }

    private static Payload read(String json) {
        try {
            return JSON.readValue(json, Payload.class);
        } catch (JsonProcessingException e) {
            throw new AdapterValidationException(Provider.LICENCE.code(), ElicenceClient.RECORD_USAGE, "payload",
                    "is not a usage record: " + e.getOriginalMessage());
        }
    }
}
