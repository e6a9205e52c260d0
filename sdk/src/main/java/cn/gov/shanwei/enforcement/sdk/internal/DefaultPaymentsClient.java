package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.payments.IssuePaymentNoticeRequest;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentsClient;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@link PaymentsClient} over the hub's REST API. Thread-safe. */
public final class DefaultPaymentsClient implements PaymentsClient {

    private static final Pattern NOTICE_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultPaymentsClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PaymentNotice issue(IssuePaymentNoticeRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return PaymentWire.toNotice(transport.execute(HubCall.post("payments.issue", "Payment notice issue",
                PaymentWire.NOTICES_PATH, Json.write(PaymentWire.IssueBody.of(request)), options)));
    }

    @Override
    public PaymentNotice get(String noticeId) {
        if (noticeId == null || !NOTICE_ID.matcher(noticeId).matches()) {
            throw ValidationException.clientSide(List.of(new FieldError("noticeId",
                    "must be 1-64 letters, digits, '_' or '-'")));
        }
        return PaymentWire.toNotice(transport.execute(HubCall.get("payments.get", "Payment notice read",
                PaymentWire.NOTICES_PATH + "/" + noticeId, RequestOptions.none())));
    }
}
