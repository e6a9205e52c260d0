package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.cases.payment.FineDue;
import cn.gov.shanwei.enforcement.cases.payment.PaymentNotices;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.time.Clock;
import java.util.Objects;

/**
 * The case platform's {@link PaymentNotices} port over the durable outbox: in the transaction that serves the
 * decision, the notice is opened in {@link PaymentNoticeLedger} and {@link IssueNoticeHandler#OPERATION} is
 * enqueued, keyed by the service event, so the notice is issued exactly once after the service commits; the call
 * carries the officer who served the decision.
 */
public class OutboxPaymentNotices implements PaymentNotices {

    private final Outbox outbox;
    private final PaymentNoticeLedger ledger;
    private final String systemId;
    private final Clock clock;

    public OutboxPaymentNotices(Outbox outbox, PaymentNoticeLedger ledger, String systemId, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Our business key of the notice of a service event (the provider's {@code requestNo}). */
    public static String requestNo(FineDue due) {
        return "PN-" + due.servedEventId();
    }

    @Override
    public void fineDue(FineDue due, OfficerId by) {
        String requestNo = requestNo(due);
        if (!ledger.open(requestNo, due, clock.instant())) {
            return;
        }
        outbox.enqueue(IssueNoticeHandler.OPERATION, requestNo,
                new IssueNoticeHandler.Payload(due.caseId(), due.subjectId()).json(),
                new CallContext(systemId, by.value(), due.caseNumber(), due.matterCode(),
                        "payment-notice-" + due.servedEventId(), null));
    }
}
