package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.payment.IssueNoticeRequest;
import cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.app.webhook.Webhooks;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code payment.issue-client-notice}: issues a payment notice a municipal system asked for
 * ({@code POST /api/v1/payments/notices}). Like the case platform's notice it is not safe to resend blindly (the
 * payer would be asked twice): after an attempt with an unknown outcome the provider is asked by our notice id
 * (the {@code requestNo}) first, and the notice found is stored instead of issuing again. Everything the notice says
 * comes from the {@code payment_client_notice} row, so a retry asks for exactly the same notice; the outbox payload
 * names the row only. Issuing (or a refusal) and the client's webhook event are written in one transaction.
 */
public class IssueClientNoticeHandler implements DurableCallHandler {

    /** {@code payment.issue-client-notice}, queue {@code hub.durable.payment.issue-client-notice}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.PAYMENT, "issue-client-notice");

    private final PaymentProvider provider;
    private final ClientPaymentNotices notices;
    private final Webhooks webhooks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IssueClientNoticeHandler(PaymentProvider provider, ClientPaymentNotices notices, Webhooks webhooks,
                                    TransactionTemplate transaction, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outbox payload of a notice: its id only. */
    static String payload(String noticeId) {
        return "{\"noticeId\":\"" + noticeId + "\"}";
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        ClientPaymentNotices.Row row = row(call);
        if (row.state() != ClientPaymentNotices.State.PENDING) {
            return row.noticeNumber();   // settled by an earlier attempt whose acknowledgement was lost
        }
        PaymentNotice notice;
        try {
            notice = provider.client().issueNotice(new IssueNoticeRequest(row.noticeId(), row.businessKey(),
                    row.decisionNumber(), row.payer(), row.items(), row.dueOn(), row.unitCode(), row.regionCode()));
        } catch (ProviderRejectedException refused) {
            Instant now = clock.instant();
            transaction.executeWithoutResult(tx -> {
                if (notices.refused(row.noticeId(), "the non-tax payment system refused: " + refused.providerCode()
                        + " " + refused.getMessage())) {
                    webhooks.publish(row.clientId(), WebhookEventType.PAYMENT_NOTICE_REFUSED, row.noticeId(),
                            "refused", now, call.context());
                }
            });
            throw refused;
        }
        store(row, notice, call);
        return notice.noticeNumber();
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    /** Reconcile before retry: the provider knows the notice by our notice id; if so it is stored now. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        ClientPaymentNotices.Row row = row(call);
        if (row.state() != ClientPaymentNotices.State.PENDING) {
            return true;
        }
        return IssueNoticeHandler.reconcile(provider, row.noticeId(), notice -> store(row, notice, call));
    }

    private void store(ClientPaymentNotices.Row row, PaymentNotice notice, DurableCall call) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            if (notices.issued(row.noticeId(), notice, now)) {
                webhooks.publish(row.clientId(), WebhookEventType.PAYMENT_NOTICE_ISSUED, row.noticeId(),
                        notice.noticeNumber(), now, call.context());
            }
        });
    }

    private ClientPaymentNotices.Row row(DurableCall call) {
        return notices.byId(call.businessKey()).orElseThrow(() -> new AdapterValidationException(
                NonTaxPaymentClient.PROVIDER, NonTaxPaymentClient.ISSUE_NOTICE, "noticeId",
                "no client payment notice " + call.businessKey()));
    }
}
