package cn.gov.shanwei.enforcement.routes.durable;

/**
 * A call of a batch that was claimed but not sent, because an earlier call of the batch found the provider unavailable:
 * its claim is taken back and its message comes again with the batch's.
 */
public class NotAttemptedException extends RuntimeException {

    public NotAttemptedException(ProviderOperation operation, String idempotencyKey, Throwable earlier) {
        super(operation + " " + idempotencyKey + " was not sent: an earlier call of its batch failed ("
                + earlier.getClass().getSimpleName() + ")");
    }
}
