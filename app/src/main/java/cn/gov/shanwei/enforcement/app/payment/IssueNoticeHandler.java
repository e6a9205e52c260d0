package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.app.outbox.OutboxPayloads;
import cn.gov.shanwei.enforcement.adapters.payment.IssueNoticeRequest;
import cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient;
import cn.gov.shanwei.enforcement.adapters.payment.NoticeItem;
import cn.gov.shanwei.enforcement.adapters.payment.Payer;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments;
import cn.gov.shanwei.enforcement.cases.payment.FineDue;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.UUID;

/**
 * {@code payment.issue-notice}: issues the payment notice (缴款书) of a served decision with a fine. Not safe to
 * resend blindly (a second notice would ask the party to pay twice), so after an attempt with an unknown outcome
 * the provider is asked by our {@code requestNo} first ({@link NonTaxPaymentClient#findNotice}); the provider also
 * deduplicates by it. The issued notice is stored against the case in {@link PaymentNoticeLedger}.
 *
 * <p>The payload names only the case; the party is read from the case when the notice is issued, so no personal
 * data waits in the outbox in clear.
 */
public class IssueNoticeHandler implements DurableCallHandler {

    /** {@code payment.issue-notice}, queue {@code hub.durable.payment.issue-notice}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.PAYMENT, "issue-notice");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PaymentProvider provider;
    private final PaymentNoticeLedger ledger;
    private final ConfirmedPayments cases;
    private final TransactionTemplate readOnly;
    private final PaymentProperties properties;
    private final Clock clock;

    public IssueNoticeHandler(PaymentProvider provider, PaymentNoticeLedger ledger, ConfirmedPayments cases,
                              TransactionTemplate readOnly, PaymentProperties properties, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.readOnly = Objects.requireNonNull(readOnly, "readOnly");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The outbox payload of a notice.
     *
     * @param caseId    the case
     * @param subjectId its enforcement subject
     */
    public record Payload(UUID caseId, String subjectId) {

        String json() {
            return OutboxPayloads.write(JSON, this, "payment notice");
        }

        static Payload read(String json) {
            return OutboxPayloads.read(JSON, json, Payload.class, NonTaxPaymentClient.PROVIDER,
                    NonTaxPaymentClient.ISSUE_NOTICE, "payment notice");
        }
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        IssueNoticeRequest request = request(call);
        PaymentNotice notice = provider.client().issueNotice(request);
        ledger.issued(request.requestNo(), notice, clock.instant());
        return notice.noticeNumber();
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    /** Reconcile before retry: the provider knows the notice by our {@code requestNo}; if so it is stored now. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        return reconcile(provider, call.businessKey(), notice -> ledger.issued(call.businessKey(), notice,
                clock.instant()));
    }

    /**
     * Whether the provider already issued the notice of our {@code requestNo}; if so {@code store} records it.
     * Shared by every non-tax notice operation (reconcile before retry).
     */
    static boolean reconcile(PaymentProvider provider, String requestNo, Consumer<PaymentNotice> store) {
        Optional<PaymentNotice> found = provider.client().findNotice(requestNo);
        found.ifPresent(store);
        return found.isPresent();
    }

    private IssueNoticeRequest request(DurableCall call) {
        Payload payload = Payload.read(call.payload());
        PaymentNoticeLedger.Row row = ledger.byRequestNo(call.businessKey()).orElseThrow(() -> invalid(
                "requestNo", "no payment notice " + call.businessKey() + " was opened"));
        FineDue due = readOnly.execute(tx -> cases.fineDue(payload.caseId(), payload.subjectId())).orElseThrow(
                () -> invalid("caseId", "case " + payload.caseId() + " has no served decision with a fine"));
        // Amount and due date as opened with the service: the notice must say what the served decision said.
        return new IssueNoticeRequest(row.requestNo(), row.caseId().toString(), due.decisionNumber(),
                new Payer(due.payerName(), due.payerId()),
                List.of(new NoticeItem(properties.itemCode(), properties.itemName(), row.fineFen())), row.dueOn(),
                row.subjectId(), due.regionCode());
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(NonTaxPaymentClient.PROVIDER, NonTaxPaymentClient.ISSUE_NOTICE, field,
                reason);
    }
}
