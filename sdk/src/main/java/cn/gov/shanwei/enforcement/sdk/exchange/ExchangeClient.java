package cn.gov.shanwei.enforcement.sdk.exchange;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * The data-sharing exchange (政务大数据中心/共享交换) through the hub: push your 处罚/强制/检查 records once; the hub
 * delivers them to the province durably (across outages of the province) and tracks the province's answer per
 * record. Needs the service {@code exchange.push} in the hub's client registry.
 *
 * <p>Mock or fake this interface in your own tests.
 */
public interface ExchangeClient {

    /**
     * Hands records over to the hub (202 Accepted). Retried safely: the idempotency key (generated, or yours in
     * {@code options}) makes a resent push the same push, with the same tracking id.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.ValidationException a record breaks its type's schema (the field
     *                                                                    is named, e.g. {@code records[0].data})
     */
    PushReceipt push(PushRecordsRequest request, RequestOptions options);

    /** {@link #push(PushRecordsRequest, RequestOptions)} with a generated idempotency key. */
    default PushReceipt push(PushRecordsRequest request) {
        return push(request, RequestOptions.none());
    }

    /**
     * The status of one of your pushes.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.NotFoundException no push of yours has this tracking id
     */
    PushStatus status(String trackingId);
}
