package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PlannedInstalment;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A step of an existing penalty case, with the role that may take it. The acting officer is always of the case's
 * own subject and holds a certificate for the matter's domain (checked by {@link PenaltyCaseService}).
 */
public sealed interface PenaltyCommand {

    /** The role the acting officer needs. */
    StaffRole role();

    /** What the step does, for refusals ("only … may <action>"). */
    String action();

    /** Runs the step on the case; {@code acting} is the officer taking it. */
    Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting);

    /** 立案, approved by the acting subject head. */
    record File(LocalDate filedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "approve a filing";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.file(ctx, filedOn, acting.id());
        }
    }

    /** 不予立案. */
    record DeclineToFile(LocalDate declinedOn, String reason) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "decline to file a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.declineToFile(ctx, declinedOn, reason);
        }
    }

    /** Extends the filing or the decision period once. */
    record ExtendPeriod(boolean decisionPeriod, String reason) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "extend a period";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return decisionPeriod ? c.extendDecisionPeriod(ctx, acting.id(), reason)
                    : c.extendFilingPeriod(ctx, acting.id(), reason);
        }
    }

    /** Marks the case as major (legal review becomes mandatory). */
    record MarkMajor(String reason) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "mark a case as major";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.markMajor(ctx, reason);
        }
    }

    /** 事先告知. */
    record NotifyIntendedPenalty(LocalDate servedOn, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "notify an intended penalty";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.notifyIntendedPenalty(ctx, servedOn, kind, fineFen, circumstance);
        }
    }

    /** The party's hearing request. */
    record RequestHearing(LocalDate requestedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "record a hearing request";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.requestHearing(ctx, requestedOn);
        }
    }

    /** The hearing notice. */
    record ServeHearingNotice(LocalDate servedOn, LocalDate hearingDay) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "serve a hearing notice";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.serveHearingNotice(ctx, servedOn, hearingDay);
        }
    }

    /** The hearing record. */
    record HoldHearing(LocalDate heldOn, String record) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "record a hearing";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.holdHearing(ctx, heldOn, record);
        }
    }

    /** 法制审核 by the acting legal reviewer. */
    record LegalReview(LocalDate reviewedOn, boolean approved, String opinion) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.LEGAL_REVIEWER;
        }

        public String action() {
            return "record a legal review";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.completeLegalReview(ctx, reviewedOn, acting.name() + " (" + acting.id() + ")", approved,
                    opinion);
        }
    }

    /** 集体讨论. */
    record CollectiveDiscussion(LocalDate heldOn, String conclusion) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "record a collective discussion";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.holdCollectiveDiscussion(ctx, heldOn, conclusion);
        }
    }

    /** 行政处罚决定. */
    record Decide(LocalDate decidedOn, String decisionNumber, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "decide a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.decide(ctx, decidedOn, decisionNumber, kind, fineFen, circumstance);
        }
    }

    /** 送达. */
    record ServeDecision(LocalDate servedOn, String method, String recipient) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "serve a decision";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.serveDecision(ctx, servedOn, method, recipient);
        }
    }

    /** 双公示 publication recorded. */
    record Publish(LocalDate publishedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "record a publication";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.publishDecision(ctx, publishedOn);
        }
    }

    /** Deferral or instalments. */
    record ApprovePaymentPlan(List<PlannedInstalment> instalments) implements PenaltyCommand {
        public ApprovePaymentPlan {
            instalments = List.copyOf(instalments);
        }

        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "approve a payment plan";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.approvePaymentPlan(ctx, instalments);
        }
    }

    /** A payment towards the fine (the surcharge due is computed). */
    record RecordPayment(LocalDate paidOn, long amountFen) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "record a payment";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.recordPayment(ctx, paidOn, amountFen);
        }
    }

    /** 申请法院强制执行. */
    record ApplyForCourtEnforcement(LocalDate appliedOn, LocalDate reminderServedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "apply for court enforcement";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.applyForCourtEnforcement(ctx, appliedOn, reminderServedOn);
        }
    }

    /** 中止. */
    record Suspend(LocalDate suspendedOn, String reason) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "suspend a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.suspend(ctx, suspendedOn, reason);
        }
    }

    /** 恢复. */
    record Resume(LocalDate resumedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.SUBJECT_HEAD;
        }

        public String action() {
            return "resume a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.resume(ctx, resumedOn);
        }
    }

    /** 结案. */
    record Close(LocalDate closedOn, String summary) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "close a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.close(ctx, closedOn, summary);
        }
    }

    /** 归档. */
    record Archive(LocalDate archivedOn) implements PenaltyCommand {
        public StaffRole role() {
            return StaffRole.OFFICER;
        }

        public String action() {
            return "archive a case";
        }

        public Outcome<PenaltyCaseEvent> run(PenaltyCase c, PenaltyContext ctx, Officer acting) {
            return c.archive(ctx, archivedOn);
        }
    }
}
