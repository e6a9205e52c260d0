package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReport;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReporting;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import cn.gov.shanwei.enforcement.domain.deadline.DecisionPublicationDeadline;
import cn.gov.shanwei.enforcement.domain.deadline.PublicationWithdrawalDeadline;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;

import java.util.List;
import java.util.Objects;

/**
 * The case platform's {@link PenaltyReporting} port over the durable outbox (ADR 0310), all in the transaction of
 * the case step:
 * <ul>
 *   <li>a decision, and each change of it, pushes the case's penalty record version ({@code exchange.push-record},
 *   key {@code exchange-push-<event id>});</li>
 *   <li>the service of a decision that is not a summary one opens its publication in {@link PublicationLedger} with
 *   the 7-working-day deadline and enqueues {@code exchange.publish-penalty} (key
 *   {@code exchange-publish-<case id>});</li>
 *   <li>a change of a decision whose publication is pending or done sets the 3-working-day withdrawal deadline and
 *   enqueues {@code exchange.withdraw-penalty} (key {@code exchange-withdraw-<case id>}).</li>
 * </ul>
 * A record that breaks the standard refuses the step at once ({@link DomainValidationException} naming the field), so
 * nothing is half-written and nothing waits in the dead-letter queue for a fault the officer can see.
 */
public class OutboxPenaltyReporting implements PenaltyReporting {

    private final ExchangePushes pushes;
    private final PublicationLedger publications;
    private final Outbox outbox;
    private final Authorities authorities;
    private final PenaltyContext ctx;
    private final String systemId;

    public OutboxPenaltyReporting(ExchangePushes pushes, PublicationLedger publications, Outbox outbox,
                                  AdministrationService registry, ExchangeProperties properties, PenaltyContext ctx,
                                  String systemId) {
        this.pushes = Objects.requireNonNull(pushes, "pushes");
        this.publications = Objects.requireNonNull(publications, "publications");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.authorities = new Authorities(registry, properties);
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
    }

    @Override
    public void report(PenaltyReport report, OfficerId by) {
        switch (report.moment()) {
            case DECIDED -> push(report, by);
            case SERVED -> publish(report, by);
            case CHANGED -> {
                push(report, by);
                withdraw(report, by);
            }
        }
    }

    private void push(PenaltyReport report, OfficerId by) {
        CallContext context = context(report, by, "exchange-push-" + report.eventId());
        try {
            pushes.enqueue(List.of(PenaltyRecords.record(report, authorityName(report), authorityCode(report))),
                    context);
        } catch (AdapterValidationException e) {
            throw new DomainValidationException("exchange." + e.field(), "the case's 处罚 record " + e.getMessage());
        }
    }

    private void publish(PenaltyReport report, OfficerId by) {
        if (report.summary() || report.change() != null) {
            return;
        }
        var due = DecisionPublicationDeadline.due(ctx.calendar().get(), report.decidedOn());
        if (!publications.open(report.caseId(), report.subjectId(), report.caseNumber(), report.decisionNumber(),
                report.decidedOn(), due.dueOn())) {
            return;
        }
        String payload = new PublishPenaltyHandler.Payload(report.caseId(), report.subjectId(),
                PenaltyRecords.data(report, authorityName(report), authorityCode(report))).json();
        outbox.enqueue(PublishPenaltyHandler.OPERATION, PublicationLedger.publicationId(report.caseId()), payload,
                context(report, by, "exchange-publish-" + report.caseId()));
    }

    private void withdraw(PenaltyReport report, OfficerId by) {
        var row = publications.byCase(report.caseId());
        if (row.isEmpty() || row.get().state() == PublicationLedger.State.NOT_PUBLISHED
                || row.get().changedOn() != null) {
            return;
        }
        var due = PublicationWithdrawalDeadline.due(ctx.calendar().get(), report.changedOn());
        publications.changed(report.caseId(), report.changedOn(), due.dueOn());
        String reason = "处罚决定已" + switch (report.change()) {
            case CHANGED -> "变更";
            case REVOKED -> "撤销";
            case CONFIRMED_UNLAWFUL -> "被确认违法";
            case CONFIRMED_INVALID -> "被确认无效";
        } + ": " + report.changeReason();
        outbox.enqueue(WithdrawPenaltyHandler.OPERATION, PublicationLedger.publicationId(report.caseId()),
                new WithdrawPenaltyHandler.Payload(report.caseId(), report.subjectId(),
                        TextCut.atMost(reason, 500)).json(),
                context(report, by, "exchange-withdraw-" + report.caseId()));
    }

    /** The call context of a side effect of {@code by}'s step: the provincial call names the officer. */
    private CallContext context(PenaltyReport report, OfficerId by, String key) {
        return new CallContext(systemId, by.value(), report.caseNumber(), report.matterCode(), key, null);
    }

    private String authorityName(PenaltyReport report) {
        return authorities.name(report.subjectId());
    }

    private String authorityCode(PenaltyReport report) {
        return authorities.code(report.subjectId(), "处罚 record");
    }

    @Override
    public String toString() {
        return "OutboxPenaltyReporting[" + ExchangeClient.PROVIDER + "]";
    }
}
