package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.access.StepRules;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.coercion.Disposal;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A step of an existing coercive measure (行政强制法 art. 19–33), with the role that may take it. Steps that the law
 * gives to the head (approval of an urgent measure, extension, release) are taken by the head in person: the approval
 * is the acting head's, given now.
 */
public sealed interface MeasureCommand {

    /** The role the acting officer needs ({@link Rules}). */
    default StaffRole role() {
        return Rules.OF.of(this).role();
    }

    /** What the step does, for refusals ({@link Rules}). */
    default String action() {
        return Rules.OF.of(this).action();
    }

    /** Runs the step; {@code headApproval} is the acting head's approval now (used by head steps only). */
    Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval headApproval);

    /** 补办批准手续: the head approves an urgent measure reported at {@code reportedAt} (within 24 hours, art. 19). */
    record ApproveUrgent(Instant reportedAt, String opinion) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.approveUrgentMeasure(ctx, reportedAt, approval);
        }
    }

    /** The head refuses an urgent measure: it is released at once (art. 19). */
    record DisapproveUrgent(Instant reportedAt, String reason) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.disapproveUrgentMeasure(ctx, reportedAt, approval.head(), reason);
        }
    }

    /** Serves the decision and list after the measure (art. 24, 31). */
    record ServeDecision(LocalDate servedOn, String method, String recipient) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.serveDecision(ctx, servedOn, method, recipient);
        }
    }

    /** Extends the measure once by at most 30 days, approved by the acting head (art. 25, 32). */
    record Extend(int days, String reason, LocalDate notifiedOn) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.extend(ctx, days, approval, reason, notifiedOn);
        }
    }

    /** Testing or appraisal starts; its time is not counted in the term (art. 25(3)). */
    record StartTesting(LocalDate startedOn, String what, LocalDate plannedUntil, LocalDate notifiedOn)
            implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.startTesting(ctx, startedOn, what, plannedUntil, notifiedOn);
        }
    }

    /** Testing or appraisal ended. */
    record FinishTesting(LocalDate finishedOn, String result) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.finishTesting(ctx, finishedOn, result);
        }
    }

    /** 解除, decided by the head (art. 28, 33). */
    record Release(LocalDate releasedOn, ReleaseGround ground, String explanation) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.release(ctx, releasedOn, ground, explanation);
        }
    }

    /** Serves the release decision (解除决定书) after the release (art. 28, 33). */
    record ServeReleaseDecision(LocalDate servedOn, String method, String recipient) implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.serveReleaseDecision(ctx, servedOn, method, recipient);
        }
    }

    /** 处理决定: the property is disposed of by decision {@code decisionNumber} (art. 27). */
    record Dispose(LocalDate disposedOn, Disposal disposal, String penaltyCaseNumber, String decisionNumber)
            implements MeasureCommand {
        public Outcome<CoerciveMeasureEvent> run(CoerciveMeasure m, CommandContext ctx, HeadApproval approval) {
            return m.dispose(ctx, disposedOn, disposal, penaltyCaseNumber == null || penaltyCaseNumber.isBlank()
                    ? null : new CaseNumber(penaltyCaseNumber), decisionNumber);
        }
    }

    /** Who may take each step, and what it is called in a refusal: the one place for it. */
    final class Rules {
        private static final StepRules OF = StepRules.of(MeasureCommand.class, Map.ofEntries(
                Map.entry(ApproveUrgent.class, StepRules.head("approve an urgent measure")),
                Map.entry(DisapproveUrgent.class, StepRules.head("refuse an urgent measure")),
                Map.entry(ServeDecision.class, StepRules.officer("serve a measure's decision")),
                Map.entry(Extend.class, StepRules.head("extend a measure")),
                Map.entry(StartTesting.class, StepRules.officer("start testing or appraisal")),
                Map.entry(FinishTesting.class, StepRules.officer("record the end of testing")),
                Map.entry(Release.class, StepRules.head("release a measure")),
                Map.entry(ServeReleaseDecision.class, StepRules.officer("serve a measure's release decision")),
                Map.entry(Dispose.class, StepRules.officer("record the decision on the property"))));

        private Rules() {
        }
    }
}
