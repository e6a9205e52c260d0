package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.CallbackOutcome;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackHandler;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import cn.gov.shanwei.enforcement.app.cases.CaseConflicts;
import cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A verified payment callback, handled in one transaction: the result is accepted at most once per notice
 * ({@link JdbcPaymentResultStore}) and, when accepted, the case's payment step is recorded
 * ({@link ConfirmedPayments}). Callbacks that change nothing but need a person (amount mismatch, unknown notice, a
 * different result for a settled notice, a case refusing the payment) are kept in {@code payment_review}.
 */
public class PaymentCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final Supplier<PaymentCallbackVerifier> verifier;
    private final PaymentNoticeLedger ledger;
    private final JdbcPaymentResultStore results;
    private final ConfirmedPayments cases;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PaymentCallbacks(Supplier<PaymentCallbackVerifier> verifier, PaymentNoticeLedger ledger,
                            JdbcPaymentResultStore results, ConfirmedPayments cases, JdbcClient jdbc,
                            TransactionTemplate transaction, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.results = Objects.requireNonNull(results, "results");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackRejectedException if the signature,
     *         window or body is wrong; nothing is recorded then
     */
    public CallbackOutcome handle(String timestamp, String nonce, String signature, byte[] body) {
        PaymentCallbackHandler handler = new PaymentCallbackHandler(verifier.get(), ledger, results);
        // A case's payment step may race another writer of the case (e.g. its publication's confirmation).
        return CaseConflicts.retried(() -> transaction.execute(tx -> {
            CallbackOutcome outcome = handler.handle(timestamp, nonce, signature, body);
            PaymentResult result = outcome.result();
            if (outcome.accepted()) {
                PaymentNoticeLedger.Row notice = ledger.byNotice(result.noticeNumber()).orElseThrow();
                LocalDate paidOn = LocalDate.ofInstant(result.paidAt(), java.time.ZoneId.of("Asia/Shanghai"));
                cases.record(notice.caseId(), notice.subjectId(), paidOn, result.paidFen())
                        .ifPresent(refusal -> review(result, "CASE_REFUSED", refusal));
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
                        detail == null ? null : detail.substring(0, Math.min(500, detail.length())),
                        Timestamp.from(clock.instant())).update();
    }
}
