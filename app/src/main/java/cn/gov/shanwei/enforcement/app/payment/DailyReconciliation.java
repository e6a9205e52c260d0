package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.IssuedNotices;
import cn.gov.shanwei.enforcement.adapters.payment.Mismatch;
import cn.gov.shanwei.enforcement.adapters.payment.ReconciliationExpectations;
import cn.gov.shanwei.enforcement.adapters.payment.ReconciliationProgress;
import cn.gov.shanwei.enforcement.adapters.payment.ReconciliationReport;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The daily reconciliation of non-tax payments (对账, ADR 0802): the provider's file of a business day is matched,
 * streamed, against our notices and accepted payments ({@code NonTaxPaymentClient.reconcile}); the day's result is
 * kept in {@code payment_reconciliation} and every mismatch becomes an open task in
 * {@code payment_reconciliation_task} (once per day, notice and kind, however often the day is rerun).
 */
public class DailyReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReconciliation.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PaymentProvider provider;
    private final CircuitBreaker breaker;
    private final PaymentNoticeLedger ledger;
    private final IssuedNotices issued;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int catchUpDays;

    /** Days looked back by default: a week of outages or unready files is caught up without anyone's help. */
    public static final int DEFAULT_CATCH_UP_DAYS = 7;

    /**
     * @param issued every notice the hub issued (the case platform's and the municipal systems'), so a payment of
     *               either is matched and none is reported as unknown
     * @param breaker the payment provider's circuit breaker, which the file's fetch passes like any other call to it
     */
    public DailyReconciliation(PaymentProvider provider, CircuitBreaker breaker, PaymentNoticeLedger ledger,
                               IssuedNotices issued, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this(provider, breaker, ledger, issued, jdbc, transaction, clock, DEFAULT_CATCH_UP_DAYS);
    }

    /**
     * @param catchUpDays how many business days up to yesterday each scheduled run looks at for a day that is not yet
     *                    reconciled ({@code hub.payment.reconciliation-catch-up-days}, at least 1)
     */
    public DailyReconciliation(PaymentProvider provider, CircuitBreaker breaker, PaymentNoticeLedger ledger,
                               IssuedNotices issued, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
                               int catchUpDays) {
        if (catchUpDays < 1) {
            throw new IllegalArgumentException("hub.payment.reconciliation-catch-up-days must be at least 1, was "
                    + catchUpDays);
        }
        this.catchUpDays = catchUpDays;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.issued = Objects.requireNonNull(issued, "issued");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reconciles yesterday (China time) and every earlier day of the last {@code catchUpDays} that is not yet
     * reconciled — one the payment provider could not answer for, or whose file was not ready — on
     * {@code hub.payment.reconciliation-cron} (default 06:30 daily).
     */
    @Scheduled(cron = "${hub.payment.reconciliation-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    public void yesterday() {
        catchUp(LocalDate.now(clock.withZone(CHINA)).minusDays(1));
    }

    /**
     * Reconciles, oldest first, each of the {@code catchUpDays} days up to {@code through} that has no result yet.
     * A day whose file cannot be had is logged and left for the next run; while the payment provider is unavailable
     * (its breaker open) the rest are left too, without asking it.
     *
     * @return the days reconciled by this run
     */
    public List<LocalDate> catchUp(LocalDate through) {
        List<LocalDate> done = new ArrayList<>();
        for (LocalDate day : unreconciled(through)) {
            try {
                ReconciliationReport report = run(day);
                done.add(day);
                LOG.info("Payment reconciliation of {}: balanced={}, matched={}, mismatches={}", day,
                        report.balanced(), report.matched(), report.mismatchCount());
            } catch (ProviderUnavailableException e) {
                LOG.warn("Payment reconciliation of {} not done: the payment provider is unavailable; the next run"
                        + " (or a manual one after {}) catches it up: {}", day, e.retryAfter(), e.getMessage());
                break;
            } catch (RuntimeException e) {
                LOG.warn("Payment reconciliation of {} failed; the next run catches it up once the provider has the"
                        + " file: {}", day, e.toString());
            }
        }
        return done;
    }

    /** The days of the catch-up window up to {@code through} with no row in {@code payment_reconciliation}. */
    private List<LocalDate> unreconciled(LocalDate through) {
        LocalDate from = through.minusDays(catchUpDays - 1L);
        Set<LocalDate> reconciled = new HashSet<>(jdbc.sql("SELECT business_day FROM payment_reconciliation"
                        + " WHERE business_day BETWEEN ? AND ?").params(from, through)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            if (!reconciled.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Reconciles one business day and records its result and tasks.
     *
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderException if the file cannot be had (e.g.
     *         {@code NOT_READY}); nothing is recorded then
     * @throws ProviderUnavailableException if the payment provider's breaker is open: the provider is not asked and
     *         nothing is recorded (the day is not reconciled, which is not the same as reconciled without mismatches)
     */
    public ReconciliationReport run(LocalDate day) {
        Set<String> confirmed = new HashSet<>(jdbc.sql("SELECT notice_number FROM payment_result"
                        + " WHERE paid_at >= ? AND paid_at < ?")
                .params(Timestamp.from(day.atStartOfDay(CHINA).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(CHINA).toInstant()))
                .query(String.class).list());
        ReconciliationExpectations ours = new ReconciliationExpectations() {
            @Override
            public Set<String> confirmedPaid() {
                return confirmed;
            }

            @Override
            public OptionalLong amountDueFen(String noticeNumber) {
                return issued.amountDueFen(noticeNumber);
            }
        };
        ReconciliationReport report;
        try {
            report = breaker.executeSupplier(() -> provider.client().reconcile(day, ours,
                    ReconciliationProgress.NONE));
        } catch (CallNotPermittedException open) {
            throw (ProviderUnavailableException) new ProviderFailureTranslator(Provider.PAYMENT, breaker,
                    Duration.ZERO).translate(open);
        }
        transaction.executeWithoutResult(tx -> record(report));
        return report;
    }

    private void record(ReconciliationReport report) {
        Timestamp now = Timestamp.from(clock.instant());
        var s = report.summary();
        jdbc.sql("DELETE FROM payment_reconciliation WHERE business_day = ?").param(report.date()).update();
        jdbc.sql("""
                        INSERT INTO payment_reconciliation (business_day, balanced, complete, declared_lines,
                            payment_lines, corrupt_lines, matched, mismatches, declared_fen, paid_fen, run_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.date(), report.balanced(), s.complete(), s.declaredLines(), s.paymentLines(),
                        s.corruptLines(), report.matched(), report.mismatchCount(), s.declaredFen(), s.paidFen(), now)
                .update();
        for (Mismatch m : report.mismatches()) {
            UUID caseId = ledger.byNotice(m.noticeNumber()).map(PaymentNoticeLedger.Row::caseId).orElse(null);
            jdbc.sql("""
                            INSERT INTO payment_reconciliation_task (business_day, notice_number, kind, line_number,
                                expected_fen, reported_fen, case_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(report.date(), m.noticeNumber(), m.kind().name(), m.lineNumber(), m.expectedFen(),
                            m.reportedFen(), caseId, now).update();
        }
    }
}
