package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.adapters.payment.SurchargeNoticeRequest;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;

import java.time.Clock;
import java.util.Objects;

/**
 * {@code payment.issue-surcharge}: issues the late-payment surcharge notice (加处罚款缴款书) opened by
 * {@link OverdueSurcharges}. Like the penalty notice it is not safe to resend blindly (the party would be asked
 * twice): after an attempt with an unknown outcome the provider is asked by our {@code requestNo} first. Amount,
 * accrual day and due day come from the {@code payment_surcharge} row, so a retry asks for exactly the same notice;
 * the payload carries no personal data.
 */
public class IssueSurchargeHandler implements DurableCallHandler {

    /** {@code payment.issue-surcharge}, queue {@code hub.durable.payment.issue-surcharge}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.PAYMENT, "issue-surcharge");

    private final PaymentProvider provider;
    private final SurchargeLedger ledger;
    private final Clock clock;

    public IssueSurchargeHandler(PaymentProvider provider, SurchargeLedger ledger, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outbox payload of a surcharge notice: its business key only. */
    static String payload(String requestNo) {
        return "{\"requestNo\":\"" + requestNo + "\"}";
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        SurchargeLedger.Row row = ledger.byRequestNo(call.businessKey()).orElseThrow(() ->
                new AdapterValidationException(NonTaxPaymentClient.PROVIDER, NonTaxPaymentClient.ISSUE_SURCHARGE,
                        "requestNo", "no surcharge notice " + call.businessKey() + " was opened"));
        PaymentNotice notice = provider.client().issueSurchargeNotice(new SurchargeNoticeRequest(row.requestNo(),
                row.originalNoticeNumber(), row.surchargeFen(), row.accruedUntil(), row.dueOn()));
        ledger.issued(row.requestNo(), notice, clock.instant());
        return notice.noticeNumber();
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    /** Reconcile before retry: the provider knows the surcharge notice by our {@code requestNo}. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        return IssueNoticeHandler.reconcile(provider, call.businessKey(), notice -> ledger.issued(call.businessKey(),
                notice, clock.instant()));
    }
}
