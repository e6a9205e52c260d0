package cn.gov.shanwei.enforcement.routes.durable;

/**
 * A redelivery of a call the provider already refused: it is not sent again, and stays on its way to the
 * dead-letter queue, where ops can fix the cause and replay it or discard it.
 */
public class DeliveryRefusedException extends RuntimeException {

    public DeliveryRefusedException(ProviderOperation operation, String idempotencyKey) {
        super(operation + " " + idempotencyKey + " was refused by the provider; not sending it again");
    }
}
