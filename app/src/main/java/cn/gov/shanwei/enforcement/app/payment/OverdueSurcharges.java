package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments;
import cn.gov.shanwei.enforcement.cases.payment.SurchargeDue;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * 加处罚款 on overdue fines (行政处罚法 art. 72(1), ADR 0507): once a day, every issued penalty notice whose payment
 * period has ended without an accepted payment gets one late-payment surcharge notice — the surcharge the case has
 * accrued by that day (3% a day on what is unpaid, never more than the fine), payable within
 * {@code hub.payment.surcharge-due-days}. Each is opened in {@code payment_surcharge} and enqueued as the durable
 * {@link IssueSurchargeHandler#OPERATION} in one transaction per notice, so a rerun adds nothing twice.
 */
public class OverdueSurcharges {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueSurcharges.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 500;

    private final PaymentNoticeLedger notices;
    private final SurchargeLedger surcharges;
    private final ConfirmedPayments cases;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final String systemId;
    private final int dueDays;
    private final Clock clock;

    public OverdueSurcharges(PaymentNoticeLedger notices, SurchargeLedger surcharges, ConfirmedPayments cases,
                             Outbox outbox, TransactionTemplate transaction, String systemId, int dueDays,
                             Clock clock) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.surcharges = Objects.requireNonNull(surcharges, "surcharges");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        if (dueDays < 1 || dueDays > 60) {
            throw new IllegalArgumentException("hub.payment.surcharge-due-days must be 1 to 60, was " + dueDays);
        }
        this.dueDays = dueDays;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs for today (China time), on {@code hub.payment.surcharge-cron} (default 07:00 daily). */
    @Scheduled(cron = "${hub.payment.surcharge-cron:0 0 7 * * *}", zone = "Asia/Shanghai")
    public void today() {
        LocalDate day = LocalDate.now(clock.withZone(CHINA));
        try {
            LOG.info("Late-payment surcharges of {}: {} notice(s) opened", day, run(day));
        } catch (RuntimeException e) {
            LOG.warn("Late-payment surcharges of {} failed; the next run takes them up: {}", day, e.toString());
        }
    }

    /**
     * Opens the surcharge notice of every notice overdue on {@code today}.
     *
     * @return how many were opened now
     */
    public int run(LocalDate today) {
        int opened = 0;
        for (PaymentNoticeLedger.Row notice : notices.overdueWithoutSurcharge(today, BATCH)) {
            if (Boolean.TRUE.equals(transaction.execute(tx -> open(notice, today)))) {
                opened++;
            }
        }
        return opened;
    }

    private boolean open(PaymentNoticeLedger.Row notice, LocalDate today) {
        Optional<SurchargeDue> due = cases.surchargeDue(notice.caseId(), notice.subjectId(), today);
        if (due.isEmpty()) {
            return false;
        }
        String requestNo = SurchargeLedger.requestNo(notice.noticeNumber());
        SurchargeLedger.Row row = new SurchargeLedger.Row(requestNo, notice.noticeNumber(), notice.caseId(),
                notice.subjectId(), notice.caseNumber(), due.get().surchargeFen(), today, today.plusDays(dueDays),
                null);
        if (!surcharges.open(row, clock.instant())) {
            return false;
        }
        // No officer's step causes a surcharge: the hub's scheduler does, and the call names the hub (systemId) alone.
        outbox.enqueue(IssueSurchargeHandler.OPERATION, requestNo, IssueSurchargeHandler.payload(requestNo),
                new CallContext(systemId, null, due.get().caseNumber(), due.get().matterCode(),
                        "payment-surcharge-" + notice.noticeNumber(), null));
        return true;
    }
}
