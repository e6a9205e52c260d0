package cn.gov.shanwei.enforcement.sdk.payments;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * Non-tax payment (非税电子支付) through the hub: issue a payment notice (缴款书) for one of your business records
 * and follow it until it is paid. Needs the service {@code payment.notice} in the hub's client registry, with the
 * matter codes and collecting units you may use. Obtain it from {@code EnforcementHubClient.payments()};
 * thread-safe. An interface so that your tests can mock or fake it.
 *
 * <p>Rather than polling, register a webhook: the hub then POSTs {@code payment.notice-issued} and
 * {@code payment.paid} to your system (see {@link cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerifier}).
 */
public interface PaymentsClient {

    /**
     * Asks the hub to issue the notice: {@code POST /api/v1/payments/notices}. The hub accepts it durably and answers
     * at once (202, usually {@link PaymentNoticeState#PENDING}); it then issues it exactly once, across outages of
     * the province, asking the province before any retry whether an earlier attempt already issued it. The notice
     * is identified by your business key: asking again with the same key and content answers the same notice;
     * with other content, a {@link cn.gov.shanwei.enforcement.sdk.errors.ConflictException}.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.ValidationException a field is invalid (named)
     * @throws cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException not registered for {@code payment.notice},
     *         for the matter code or for the collecting unit
     */
    default PaymentNotice issue(IssuePaymentNoticeRequest request) {
        return issue(request, RequestOptions.none());
    }

    /** As {@link #issue(IssuePaymentNoticeRequest)}, with per-call options (idempotency key, request id). */
    PaymentNotice issue(IssuePaymentNoticeRequest request, RequestOptions options);

    /**
     * One of your notices: {@code GET /api/v1/payments/notices/{noticeId}}.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.NotFoundException no notice of yours has this id
     */
    PaymentNotice get(String noticeId);
}
