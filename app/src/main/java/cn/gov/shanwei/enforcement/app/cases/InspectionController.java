package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyCaseController.Direction;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.CancellationBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.FollowUpCheckBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.InspectionApprovalBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.InspectionBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.InspectionStep;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.OnSiteInspectionBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.ResultBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionParticulars;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureSummary;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 行政检查 for staff: plan a targeted inspection, approve, carry out, record the result and the follow-up check,
 * and register the penalty case its violation leads to. ETag / If-Match as for penalty cases.
 */
@RestController
@RequestMapping("/api/v1/cases/inspections")
@Tag(name = "Inspections", description = "行政检查 (国办发〔2024〕54号)")
public class InspectionController extends CaseApiSupport {

    private final InspectionService inspections;
    private final StaffCreations creations;

    /** @param inspections the inspection use cases */
    public InspectionController(InspectionService inspections, StaffCreations creations) {
        this.inspections = inspections;
        this.creations = creations;
    }

    @GetMapping
    @Operation(summary = "List the inspections in your jurisdiction, filtered, sorted and paged",
            description = "sort: updatedAt, openedOn, dueOn, caseNumber, stage. partyId: the inspected entity's "
                    + "full 统一社会信用代码 or 身份证号 (check character verified, spaces and case ignored; else 400 "
                    + "naming partyId), within your jurisdiction (ADR 0530)")
    public CasePage<ProcedureSummary> list(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                           @RequestParam(required = false) InspectionStage stage,
                                           @RequestParam(required = false) InspectionOrigin origin,
                                           @RequestParam(required = false) String itemCode,
                                           @RequestParam(required = false) String entityName,
                                           @RequestParam(required = false) @DateTimeFormat(
                                                   iso = DateTimeFormat.ISO.DATE) LocalDate plannedFrom,
                                           @RequestParam(required = false) @DateTimeFormat(
                                                   iso = DateTimeFormat.ISO.DATE) LocalDate plannedTo,
                                           @RequestParam(defaultValue = "updatedAt") String sort,
                                           @RequestParam(defaultValue = "DESC") Direction direction,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam(required = false) String partyId) {
        return inspections.list(actor, stage == null ? null : stage.name(), origin == null ? null : origin.name(),
                itemCode, entityName, plannedFrom, plannedTo, sort, direction == Direction.DESC, page, size,
                partyId);
    }

    @PostMapping
    @Operation(summary = "Plan a targeted inspection", description = "Role OFFICER; published item, two certified "
            + "inspectors, the entity's yearly limit. " + StaffCreations.KEY_DOC)
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> plan(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @Valid @RequestBody InspectionBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return answer(HttpStatus.CREATED, creations.create(actor, idempotencyKey, "inspection", body,
                () -> inspections.plan(actor, body.toInspection()), d -> d.summary().id(),
                id -> inspections.get(actor, id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an inspection with its deadlines")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> get(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return answer(HttpStatus.OK, inspections.get(actor, id));
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve the inspection", description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> approve(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody InspectionApprovalBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/on-site")
    @Operation(summary = "Record the inspection carried out on site", description = "Role OFFICER, with the "
            + "assigned co-inspectors")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> carryOut(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OnSiteInspectionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Call off a planned inspection", description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> cancel(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CancellationBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/result")
    @Operation(summary = "Record the result: no problem, rectification, or a suspected violation",
            description = "Role OFFICER")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> result(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ResultBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/follow-up-check")
    @Operation(summary = "Record the follow-up check of a rectification (复查)", description = "Role OFFICER")
    public ResponseEntity<ProcedureDetail<InspectionParticulars>> followUpCheck(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody FollowUpCheckBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/penalty-case")
    @Operation(summary = "Register the penalty case (案源) for the violation found", description = "Role OFFICER; "
            + "once per inspection; answers the new penalty case")
    public ResponseEntity<PenaltyCaseDetail> penaltyCase(@Parameter(hidden = true) @AuthenticationPrincipal
                                                         Actor actor, @PathVariable UUID id,
                                                         @RequestHeader(value = IF_MATCH, required = false)
                                                         String ifMatch) {
        PenaltyCaseDetail detail = inspections.registerPenaltyCase(actor, id, ifMatch(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(detail.summary().version())).body(detail);
    }

    private ResponseEntity<ProcedureDetail<InspectionParticulars>> step(Actor actor, UUID id, String ifMatch,
                                                                        InspectionStep body) {
        return answer(HttpStatus.OK, inspections.execute(actor, id, ifMatch(ifMatch), body.toCommand()));
    }
}
