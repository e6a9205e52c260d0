package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.access.StepRules;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.penalty.DecisionChange;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PlannedInstalment;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A step of an existing penalty case, with the role that may take it. The acting officer is always of the case's
 * own subject and holds a certificate for the matter's domain (checked by {@link PenaltyCaseService}).
 */
public sealed interface PenaltyCommand {

    /** The role the acting officer needs. */
    default StaffRole role() {
        return Rules.OF.of(this).role();
    }

    /** What the step does, for refusals ("only … may <action>"). */
    default String action() {
        return Rules.OF.of(this).action();
    }

    /** Runs the step on the case; {@code acting} is the officer taking it. */
    Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting);

    /**
     * 立案, approved by the acting subject head. Where the platform reaches the province, {@link PenaltyCaseService}
     * checks the party (and {@code licenceId}, a licence of the party, if named) first and records the checks.
     *
     * @param licenceId a licence of the party (证照标识) to verify and record a use of, or null
     */
    record File(LocalDate filedOn, String licenceId) implements PenaltyCommand {

        /** A filing naming no licence. */
        public File(LocalDate filedOn) {
            this(filedOn, null);
        }

        /** Without the province: a named licence cannot be verified, so it is refused rather than ignored. */
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            if (licenceId != null) {
                return Outcome.rejected("This platform does not reach the licence service: file without naming a "
                        + "licence");
            }
            return c.file(ctx, filedOn, acting.id());
        }
    }

    /** 不予立案. */
    record DeclineToFile(LocalDate declinedOn, String reason) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.declineToFile(ctx, declinedOn, reason);
        }
    }

    /** Extends the filing or the decision period once. */
    record ExtendPeriod(boolean decisionPeriod, String reason) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return decisionPeriod ? c.extendDecisionPeriod(ctx, acting.id(), reason)
                    : c.extendFilingPeriod(ctx, acting.id(), reason);
        }
    }

    /** Marks the case as major (legal review becomes mandatory). */
    record MarkMajor(String reason) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.markMajor(ctx, reason);
        }
    }

    /** 事先告知. */
    record NotifyIntendedPenalty(LocalDate servedOn, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.notifyIntendedPenalty(ctx, servedOn, kind, fineFen, circumstance);
        }
    }

    /** The party's hearing request. */
    record RequestHearing(LocalDate requestedOn) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.requestHearing(ctx, requestedOn);
        }
    }

    /** The hearing notice. */
    record ServeHearingNotice(LocalDate servedOn, LocalDate hearingDay) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.serveHearingNotice(ctx, servedOn, hearingDay);
        }
    }

    /** The hearing record. */
    record HoldHearing(LocalDate heldOn, String record) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.holdHearing(ctx, heldOn, record);
        }
    }

    /** 法制审核 by the acting legal reviewer. */
    record LegalReview(LocalDate reviewedOn, boolean approved, String opinion) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.completeLegalReview(ctx, reviewedOn, acting.name() + " (" + acting.id() + ")", approved,
                    opinion);
        }
    }

    /** 集体讨论. */
    record CollectiveDiscussion(LocalDate heldOn, String conclusion) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.holdCollectiveDiscussion(ctx, heldOn, conclusion);
        }
    }

    /** 行政处罚决定. */
    record Decide(LocalDate decidedOn, String decisionNumber, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.decide(ctx, decidedOn, decisionNumber, kind, fineFen, circumstance);
        }
    }

    /** 送达. */
    record ServeDecision(LocalDate servedOn, String method, String recipient) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.serveDecision(ctx, servedOn, method, recipient);
        }
    }

    /** 双公示 publication recorded. */
    record Publish(LocalDate publishedOn) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.publishDecision(ctx, publishedOn);
        }
    }

    /**
     * 变更/撤销/确认违法/确认无效 of the decision after it was made (by a review body, a court or the authority itself);
     * a published decision is then withdrawn within 3 working days (ADR 0107, 0310).
     */
    record RecordDecisionChange(LocalDate changedOn, DecisionChange change, String by, String reason)
            implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.recordDecisionChange(ctx, changedOn, change, by, reason);
        }
    }

    /** Deferral or instalments. */
    record ApprovePaymentPlan(List<PlannedInstalment> instalments) implements PenaltyCommand {
        public ApprovePaymentPlan {
            instalments = List.copyOf(instalments);
        }


        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.approvePaymentPlan(ctx, instalments);
        }
    }

    /** A payment towards the fine (the surcharge due is computed). */
    record RecordPayment(LocalDate paidOn, long amountFen) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.recordPayment(ctx, paidOn, amountFen);
        }
    }

    /** 申请法院强制执行. */
    record ApplyForCourtEnforcement(LocalDate appliedOn, LocalDate reminderServedOn) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.applyForCourtEnforcement(ctx, appliedOn, reminderServedOn);
        }
    }

    /** 中止. */
    record Suspend(LocalDate suspendedOn, String reason) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.suspend(ctx, suspendedOn, reason);
        }
    }

    /** 恢复. */
    record Resume(LocalDate resumedOn) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.resume(ctx, resumedOn);
        }
    }

    /** 结案. */
    record Close(LocalDate closedOn, String summary) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.close(ctx, closedOn, summary);
        }
    }

    /** 归档. */
    record Archive(LocalDate archivedOn) implements PenaltyCommand {
        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.archive(ctx, archivedOn);
        }
    }

    /** Who may take each step, in one table. */
    final class Rules {
        private static final StepRules OF = StepRules.of(PenaltyCommand.class, Map.ofEntries(
                Map.entry(File.class, StepRules.head("approve a filing")),
                Map.entry(DeclineToFile.class, StepRules.head("decline to file a case")),
                Map.entry(ExtendPeriod.class, StepRules.head("extend a period")),
                Map.entry(MarkMajor.class, StepRules.head("mark a case as major")),
                Map.entry(NotifyIntendedPenalty.class, StepRules.officer("notify an intended penalty")),
                Map.entry(RequestHearing.class, StepRules.officer("record a hearing request")),
                Map.entry(ServeHearingNotice.class, StepRules.officer("serve a hearing notice")),
                Map.entry(HoldHearing.class, StepRules.officer("record a hearing")),
                Map.entry(LegalReview.class, StepRules.legalReviewer("record a legal review")),
                Map.entry(CollectiveDiscussion.class, StepRules.head("record a collective discussion")),
                Map.entry(Decide.class, StepRules.head("decide a case")),
                Map.entry(ServeDecision.class, StepRules.officer("serve a decision")),
                Map.entry(Publish.class, StepRules.officer("record a publication")),
                Map.entry(RecordDecisionChange.class, StepRules.head("record a change of the decision")),
                Map.entry(ApprovePaymentPlan.class, StepRules.head("approve a payment plan")),
                Map.entry(RecordPayment.class, StepRules.officer("record a payment")),
                Map.entry(ApplyForCourtEnforcement.class, StepRules.head("apply for court enforcement")),
                Map.entry(Suspend.class, StepRules.head("suspend a case")),
                Map.entry(Resume.class, StepRules.head("resume a case")),
                Map.entry(Close.class, StepRules.officer("close a case")),
                Map.entry(Archive.class, StepRules.officer("archive a case"))));

        private Rules() {
        }
    }
}
