package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.PartyBody;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewSummaryPenalty;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewDraw;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.Disposal;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the coercive-measure, inspection and on-the-spot penalty API. */
final class ProcedureBodies {

    private ProcedureBodies() {
    }

    /** A body that is one step of a coercive measure. */
    interface MeasureStep {
        MeasureCommand toCommand();
    }

    /** A body that is one step of an inspection. */
    interface InspectionStep {
        InspectionCommand toCommand();
    }

    private static Party toParty(PartyBody p) {
        return new Party(p.kind(), p.name(), p.idNumber());
    }

    /** The on-site record (现场笔录): how the party took part, and the SM3 digest of the signed record. */
    record OnSiteBody(@NotNull OnSiteRecord.PartyPresence presence, @Size(max = 100) String witness,
                      @Size(max = 2000) String refusalNote,
                      @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String recordSm3) {
        OnSiteRecord toRecord() {
            return new OnSiteRecord(presence, witness == null ? "" : witness, refusalNote == null ? "" : refusalNote,
                    new Sm3(recordSm3.toLowerCase()));
        }
    }

    /** One line of the list (清单); named apart from the other forms' items, which share the API document. */
    record ListedItemBody(@NotBlank @Size(max = 200) String name, @NotNull @Positive BigDecimal quantity,
                    @NotBlank @Size(max = 20) String unit, @Size(max = 1000) String description) {
        ListedItem toItem() {
            return new ListedItem(name, quantity, unit, description == null ? "" : description);
        }
    }

    /** The head's prior approval as the form records it. */
    record ApprovalBody(@NotBlank @Size(max = 64) String headId, @NotNull Instant approvedAt,
                        @NotBlank @Size(max = 2000) String opinion) {
    }

    /** 查封、扣押、冻结: decided and taken (without {@code approval}: urgently, art. 19). */
    record MeasureBody(@NotBlank @Size(max = 64) String matterCode, @NotNull CoercionKind kind,
                       @NotNull @Valid PartyBody party, @NotBlank @Size(max = 20) String placeCode,
                       @NotNull Instant imposedAt, @NotNull @Size(max = 10) List<@NotBlank String> coOfficerIds,
                       @NotEmpty @Size(max = 500) List<@NotNull @Valid ListedItemBody> items,
                       @NotBlank @Size(max = 4000) String reasons, @NotBlank @Size(max = 2000) String remedies,
                       @Size(max = 4000) String partyStatement, @NotBlank @Size(max = 100) String decisionNumber,
                       @NotNull Boolean deliveredOnTheSpot, @NotNull @Valid OnSiteBody onSite,
                       @Valid ApprovalBody approval) {
        NewMeasure toMeasure() {
            return new NewMeasure(matterCode, kind, toParty(party), placeCode, imposedAt, coOfficerIds,
                    items.stream().map(ListedItemBody::toItem).toList(), reasons, remedies,
                    partyStatement == null ? "" : partyStatement, decisionNumber, deliveredOnTheSpot,
                    onSite.toRecord(), approval == null ? null
                    : new NewMeasure.Approval(approval.headId(), approval.approvedAt(), approval.opinion()));
        }
    }

    /** 补办批准手续 by the acting head. */
    record UrgentApprovalBody(@NotNull Instant reportedAt, @NotBlank @Size(max = 2000) String opinion)
            implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.ApproveUrgent(reportedAt, opinion);
        }
    }

    /** The acting head refuses an urgent measure (it is released). */
    record UrgentRefusalBody(@NotNull Instant reportedAt, @NotBlank @Size(max = 2000) String reason)
            implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.DisapproveUrgent(reportedAt, reason);
        }
    }

    /** Service of the decision and list. */
    record MeasureServiceBody(@NotNull LocalDate servedOn, @NotBlank @Size(max = 100) String method,
                              @NotBlank @Size(max = 200) String recipient) implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.ServeDecision(servedOn, method, recipient);
        }
    }

    /** Serves the release decision (解除决定书) after the release (art. 28, 33); waits for its seal. */
    record ReleaseServiceBody(@NotNull LocalDate servedOn, @NotBlank @Size(max = 100) String method,
                              @NotBlank @Size(max = 200) String recipient) implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.ServeReleaseDecision(servedOn, method, recipient);
        }
    }

    /** One extension of at most 30 days, approved by the acting head (art. 25). */
    record MeasureExtensionBody(@NotNull @Positive @Max(30) Integer days, @NotBlank @Size(max = 2000) String reason,
                                @NotNull LocalDate notifiedOn) implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.Extend(days, reason, notifiedOn);
        }
    }

    /** Testing or appraisal starts. */
    record TestingBody(@NotNull LocalDate startedOn, @NotBlank @Size(max = 500) String what,
                       @NotNull LocalDate plannedUntil, @NotNull LocalDate notifiedOn) implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.StartTesting(startedOn, what, plannedUntil, notifiedOn);
        }
    }

    /** Testing or appraisal ended. */
    record TestingResultBody(@NotNull LocalDate finishedOn, @NotBlank @Size(max = 4000) String result)
            implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.FinishTesting(finishedOn, result);
        }
    }

    /** 解除. */
    record ReleaseBody(@NotNull LocalDate releasedOn, @NotNull ReleaseGround ground,
                       @NotBlank @Size(max = 2000) String explanation) implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.Release(releasedOn, ground, explanation);
        }
    }

    /** 处理决定. */
    record DisposalBody(@NotNull LocalDate disposedOn, @NotNull Disposal disposal,
                        @Size(max = 100) String penaltyCaseNumber, @NotBlank @Size(max = 100) String decisionNumber)
            implements MeasureStep {
        public MeasureCommand toCommand() {
            return new MeasureCommand.Dispose(disposedOn, disposal, penaltyCaseNumber, decisionNumber);
        }
    }

    /** A targeted inspection to plan. */
    record InspectionBody(@NotBlank @Size(max = 64) String itemCode, @NotNull InspectionOrigin origin,
                          @NotBlank @Size(max = 2000) String reason, @NotNull @Valid PartyBody entity,
                          @NotBlank @Size(max = 20) String placeCode, @NotNull LocalDate plannedOn,
                          @NotEmpty @Size(max = 10) List<@NotBlank String> inspectorIds) {
        NewInspection toInspection() {
            if (origin == InspectionOrigin.RANDOM_DRAW) {
                throw new DomainValidationException("origin", "a 双随机 inspection is planned from its draw, which "
                        + "this API does not take");
            }
            return new NewInspection(itemCode, origin, reason, toParty(entity), placeCode, plannedOn, inspectorIds);
        }
    }

    /** The acting head approves. */
    record InspectionApprovalBody(@NotBlank @Size(max = 2000) String opinion) implements InspectionStep {
        public InspectionCommand toCommand() {
            return new InspectionCommand.Approve(opinion);
        }
    }

    /** Carried out on site by the acting officer and the co-officers. */
    record OnSiteInspectionBody(@NotNull Instant inspectedAt,
                                @NotNull @Size(max = 10) List<@NotBlank String> coOfficerIds,
                                @NotBlank @Size(max = 20000) String findings, @NotNull @Valid OnSiteBody onSite)
            implements InspectionStep {
        public InspectionCommand toCommand() {
            return new InspectionCommand.CarryOut(inspectedAt, coOfficerIds, findings, onSite.toRecord());
        }
    }

    /** Called off. */
    record CancellationBody(@NotNull LocalDate cancelledOn, @NotBlank @Size(max = 2000) String reason)
            implements InspectionStep {
        public InspectionCommand toCommand() {
            return new InspectionCommand.Cancel(cancelledOn, reason);
        }
    }

    /** The result of an inspection. */
    enum ResultKind { NO_PROBLEM, RECTIFICATION, VIOLATION }

    /**
     * The result: no problem ({@code summary}), rectification ({@code requirements}, {@code dueOn}) or a suspected
     * violation ({@code penaltyMatterCode}, {@code facts}); the fields of the other results must be absent.
     */
    record ResultBody(@NotNull ResultKind result, @NotNull LocalDate on, @Size(max = 4000) String summary,
                      @Size(max = 4000) String requirements, LocalDate dueOn,
                      @Size(max = 64) String penaltyMatterCode, @Size(max = 4000) String facts)
            implements InspectionStep {
        public InspectionCommand toCommand() {
            return switch (result) {
                case NO_PROBLEM -> new InspectionCommand.NoProblem(on, required("summary", summary));
                case RECTIFICATION -> {
                    if (dueOn == null) {
                        throw new DomainValidationException("dueOn", "is required for a rectification");
                    }
                    yield new InspectionCommand.OrderRectification(on, required("requirements", requirements), dueOn);
                }
                case VIOLATION -> new InspectionCommand.FindViolation(on,
                        required("penaltyMatterCode", penaltyMatterCode), required("facts", facts));
            };
        }

        private static String required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new DomainValidationException(field, "is required for this result");
            }
            return value;
        }
    }

    /** The follow-up check (复查). */
    record FollowUpCheckBody(@NotNull LocalDate checkedOn, @NotNull Boolean rectified,
                             @NotBlank @Size(max = 4000) String note) implements InspectionStep {
        public InspectionCommand toCommand() {
            return new InspectionCommand.CheckRectification(checkedOn, rectified, note);
        }
    }

    /** 当场处罚. */
    record OnTheSpotBody(@NotBlank @Size(max = 64) String matterCode, @NotNull @Valid PartyBody party,
                         @NotBlank @Size(max = 20) String placeCode,
                         @NotEmpty @Size(max = 10) List<@NotBlank String> coOfficerIds, @NotNull PenaltyKind kind,
                         @NotNull @PositiveOrZero Long fineFen, @NotBlank @Size(max = 4000) String facts) {
        NewSummaryPenalty toPenalty() {
            return new NewSummaryPenalty(matterCode, toParty(party), placeCode, coOfficerIds, kind, fineFen, facts);
        }
    }

    /**
     * A 双随机 draw for an inspection plan: {@code entityCount} objects of the subject's 检查对象名录库 for the item, and
     * {@code inspectorsPerEntity} (default 2) of its certified officers for each; {@code seed} as made public, or
     * none for one drawn by the hub.
     */
    record DrawBody(@NotBlank @Size(max = 64) String itemCode, @NotNull LocalDate plannedOn,
                    @NotNull @Positive @Max(10_000) Integer entityCount,
                    @jakarta.validation.constraints.Min(2) @Max(20) Integer inspectorsPerEntity,
                    @Size(max = 200) String seed) {
        NewDraw toDraw() {
            return new NewDraw(itemCode, plannedOn, entityCount, inspectorsPerEntity, seed);
        }
    }
}
