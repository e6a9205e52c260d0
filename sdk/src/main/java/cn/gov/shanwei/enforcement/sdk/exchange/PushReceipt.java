package cn.gov.shanwei.enforcement.sdk.exchange;

/**
 * The hub's receipt for a push it accepted for durable delivery.
 *
 * @param trackingId  read the push's status with it ({@link ExchangeClient#status})
 * @param state       {@link PushState#PENDING} when just accepted
 * @param recordCount records accepted
 */
public record PushReceipt(String trackingId, PushState state, int recordCount) {
}
