package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.domain.call.CallContext;

import java.util.Objects;

/**
 * One accepted side effect, as a handler receives it.
 *
 * @param operation   what to do
 * @param businessKey our key of the effect at the provider (e.g. the decision number a payment notice is for); the
 *                    key a handler asks the provider about in {@link DurableCallHandler#alreadyDone}
 * @param payload     the operation's input, as the use case serialised it (JSON by convention)
 * @param context     who asked, for which case and legal purpose; {@link CallContext#idempotencyKey()} is the key
 *                    that makes the effect happen at most once and must be passed to providers that accept one
 * @param attempt     1 for the first delivery, higher for redeliveries (as far as the broker counted them)
 */
public record DurableCall(ProviderOperation operation, String businessKey, String payload, CallContext context,
                          int attempt) {

    public DurableCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(context, "context");
    }

    public String idempotencyKey() {
        return context.idempotencyKey();
    }
}
