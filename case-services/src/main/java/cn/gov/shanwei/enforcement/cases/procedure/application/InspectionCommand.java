package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.access.StepRules;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionRules;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A step of an existing inspection (行政检查, 国办发〔2024〕54号), with the role that may take it. */
public sealed interface InspectionCommand {

    /** The role the acting officer needs ({@link Rules}). */
    default StaffRole role() {
        return Rules.OF.of(this).role();
    }

    /** What the step does, for refusals ({@link Rules}). */
    default String action() {
        return Rules.OF.of(this).action();
    }

    /**
     * Runs the step.
     *
     * @param approval the acting head's approval now (head steps only)
     * @param officers the acting officer and the co-officers the command names (on-site steps only)
     */
    Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules, HeadApproval approval,
                                 List<Officer> officers);

    /** The co-officers this step names (none for most). */
    default List<String> coOfficerIds() {
        return List.of();
    }

    /** The head approves the inspection before it is carried out. */
    record Approve(String opinion) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.approve(ctx, approval);
        }
    }

    /** Carried out on site by the acting officer and the named co-officers, the assigned inspectors. */
    record CarryOut(Instant inspectedAt, List<String> coOfficerIds, String findings, OnSiteRecord onSite)
            implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.carryOut(ctx, rules, inspectedAt, officers, findings, onSite);
        }
    }

    /** Calls off a planned inspection. */
    record Cancel(LocalDate cancelledOn, String reason) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.cancel(ctx, cancelledOn, reason);
        }
    }

    /** Result: no problem found. */
    record NoProblem(LocalDate concludedOn, String summary) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.concludeWithoutProblem(ctx, concludedOn, summary);
        }
    }

    /** Result: 责令限期整改. */
    record OrderRectification(LocalDate orderedOn, String requirements, LocalDate dueOn) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.orderRectification(ctx, orderedOn, requirements, dueOn);
        }
    }

    /** The follow-up check (复查). */
    record CheckRectification(LocalDate checkedOn, boolean rectified, String note) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.checkRectification(ctx, checkedOn, rectified, note);
        }
    }

    /** Result: a suspected violation of a penalty matter — a penalty lead. */
    record FindViolation(LocalDate foundOn, String penaltyMatterCode, String facts) implements InspectionCommand {
        public Outcome<InspectionEvent> run(Inspection i, CommandContext ctx, InspectionRules rules,
                                            HeadApproval approval, List<Officer> officers) {
            return i.findViolation(ctx, foundOn, new MatterCode(penaltyMatterCode), facts);
        }
    }

    /** Who may take each step, and what it is called in a refusal: the one place for it. */
    final class Rules {
        private static final StepRules OF = StepRules.of(InspectionCommand.class, Map.ofEntries(
                Map.entry(Approve.class, StepRules.head("approve an inspection")),
                Map.entry(CarryOut.class, StepRules.officer("carry out an inspection")),
                Map.entry(Cancel.class, StepRules.head("cancel an inspection")),
                Map.entry(NoProblem.class, StepRules.officer("record an inspection's result")),
                Map.entry(OrderRectification.class, StepRules.officer("order rectification")),
                Map.entry(CheckRectification.class, StepRules.officer("record the follow-up check")),
                Map.entry(FindViolation.class, StepRules.officer("record a suspected violation"))));

        private Rules() {
        }
    }
}
