package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.CallbackOutcome;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackHandler;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import cn.gov.shanwei.enforcement.adapters.payment.IssuedNotices;
import cn.gov.shanwei.enforcement.app.cases.CaseConflicts;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.app.webhook.Webhooks;
import cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A verified payment callback, handled in one transaction: the result is accepted at most once per notice
 * ({@link JdbcPaymentResultStore}) and, when accepted, the case's payment step is recorded
 * ({@link ConfirmedPayments}) — or, for a notice a municipal system issued through the hub, its {@code payment.paid}
 * webhook event is enqueued. Callbacks that change nothing but need a person (amount mismatch, unknown notice, a
 * different result for a settled notice, a case refusing the payment) are kept in {@code payment_review}.
 */
public class PaymentCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final Supplier<PaymentCallbackVerifier> verifier;
    private final PaymentNoticeLedger ledger;
    private final ClientPaymentNotices clientNotices;
    private final Webhooks webhooks;
    private final JdbcPaymentResultStore results;
    private final ConfirmedPayments cases;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /**
     * @param clientNotices the notices municipal systems issued through the hub: their payments are accepted like a
     *                      case's, and told to the system's webhook ({@code payment.paid}) in the same transaction
     */
    public PaymentCallbacks(Supplier<PaymentCallbackVerifier> verifier, PaymentNoticeLedger ledger,
                            ClientPaymentNotices clientNotices, Webhooks webhooks, JdbcPaymentResultStore results,
                            ConfirmedPayments cases, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clientNotices = Objects.requireNonNull(clientNotices, "clientNotices");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.results = Objects.requireNonNull(results, "results");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every notice the hub issued: the case platform's, then the municipal systems'. */
    static IssuedNotices issuedNotices(PaymentNoticeLedger ledger, ClientPaymentNotices clientNotices) {
        return noticeNumber -> {
            OptionalLong ours = ledger.amountDueFen(noticeNumber);
            return ours.isPresent() ? ours : clientNotices.amountDueFen(noticeNumber);
        };
    }

    /**
     * @throws cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackRejectedException if the signature,
     *         window or body is wrong; nothing is recorded then
     */
    public CallbackOutcome handle(String timestamp, String nonce, String signature, byte[] body) {
        PaymentCallbackHandler handler = new PaymentCallbackHandler(verifier.get(),
                issuedNotices(ledger, clientNotices), results);
        // A case's payment step may race another writer of the case (e.g. its publication's confirmation).
        return CaseConflicts.retried(() -> transaction.execute(tx -> {
            CallbackOutcome outcome = handler.handle(timestamp, nonce, signature, body);
            PaymentResult result = outcome.result();
            if (outcome.accepted()) {
                Optional<PaymentNoticeLedger.Row> caseNotice = ledger.byNotice(result.noticeNumber());
                if (caseNotice.isPresent()) {
                    PaymentNoticeLedger.Row notice = caseNotice.get();
                    LocalDate paidOn = LocalDate.ofInstant(result.paidAt(), java.time.ZoneId.of("Asia/Shanghai"));
                    cases.record(notice.caseId(), notice.subjectId(), paidOn, result.paidFen())
                            .ifPresent(refusal -> review(result, "CASE_REFUSED", refusal));
                } else {
                    ClientPaymentNotices.Row notice = clientNotices.byNotice(result.noticeNumber()).orElseThrow();
                    webhooks.publish(notice.clientId(), WebhookEventType.PAYMENT_PAID, notice.noticeId(),
                            result.transactionId(), result.paidAt(), new CallContext(notice.clientId(),
                                    notice.officerId(), notice.caseNumber(), notice.matterCode(), null, null));
                }
            } else if (outcome.needsReview()) {
                review(result, outcome.kind().name(), null);
            }
            LOG.info("Payment callback for notice {}: {}", result.noticeNumber(), outcome.kind());
            return outcome;
        }));
    }

    private void review(PaymentResult result, String kind, String detail) {
        LOG.warn("Payment callback for notice {} needs review: {} {}", result.noticeNumber(), kind,
                detail == null ? "" : detail);
        jdbc.sql("""
                        INSERT INTO payment_review (notice_number, kind, paid_fen, transaction_id, detail, received_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(result.noticeNumber(), kind, result.paidFen(), result.transactionId(),
                        TextCut.atMost(detail, 500),
                        Timestamp.from(clock.instant())).update();
    }
}
