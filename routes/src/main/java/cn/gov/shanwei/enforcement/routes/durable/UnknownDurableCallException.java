package cn.gov.shanwei.enforcement.routes.durable;

/** A queued message names an idempotency key the outbox does not hold: it is left for ops in the dead-letter queue. */
public class UnknownDurableCallException extends RuntimeException {

    public UnknownDurableCallException(String idempotencyKey) {
        super("No outbox entry has idempotency key " + idempotencyKey);
    }
}
