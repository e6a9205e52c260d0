package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyCaseController.Direction;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.DisposalBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.MeasureBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.MeasureExtensionBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.MeasureServiceBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.MeasureStep;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.ReleaseBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.ReleaseServiceBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.TestingBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.TestingResultBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.UrgentApprovalBody;
import cn.gov.shanwei.enforcement.app.cases.ProcedureBodies.UrgentRefusalBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.MeasureParticulars;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureSummary;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.MeasureStage;
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
 * 行政强制措施 (查封、扣押、冻结) for staff: take a measure, approve or refuse an urgent one, serve, extend once, test,
 * release, dispose. Each answer carries the measure's version as ETag; send it back as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/cases/coercive-measures")
@Tag(name = "Coercive measures", description = "行政强制措施 (行政强制法 art. 18–33)")
public class CoerciveMeasureController extends CaseApiSupport {

    private final CoerciveMeasureService measures;
    private final StaffCreations creations;

    /** @param measures the coercive-measure use cases */
    public CoerciveMeasureController(CoerciveMeasureService measures, StaffCreations creations) {
        this.measures = measures;
        this.creations = creations;
    }

    @GetMapping
    @Operation(summary = "List the measures in your jurisdiction, filtered, sorted and paged",
            description = "sort: updatedAt, openedOn, dueOn, caseNumber, stage. partyId: the party's full "
                    + "统一社会信用代码 or 身份证号 (check character verified, spaces and case ignored; else 400 naming "
                    + "partyId), within your jurisdiction (ADR 0530)")
    public CasePage<ProcedureSummary> list(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                           @RequestParam(required = false) MeasureStage stage,
                                           @RequestParam(required = false) CoercionKind kind,
                                           @RequestParam(required = false) String matterCode,
                                           @RequestParam(required = false) String partyName,
                                           @RequestParam(required = false) @DateTimeFormat(
                                                   iso = DateTimeFormat.ISO.DATE) LocalDate takenFrom,
                                           @RequestParam(required = false) @DateTimeFormat(
                                                   iso = DateTimeFormat.ISO.DATE) LocalDate takenTo,
                                           @RequestParam(defaultValue = "updatedAt") String sort,
                                           @RequestParam(defaultValue = "DESC") Direction direction,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam(required = false) String partyId) {
        return measures.list(actor, stage == null ? null : stage.name(), kind == null ? null : kind.name(),
                matterCode, partyName, takenFrom, takenTo, sort, direction == Direction.DESC, page, size, partyId);
    }

    @PostMapping
    @Operation(summary = "Take a measure (查封、扣押、冻结) with a co-officer",
            description = "Role OFFICER; with the head's prior approval, or without it in an urgent case (art. 19). "
                    + StaffCreations.KEY_DOC)
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> impose(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @Valid @RequestBody MeasureBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return answer(HttpStatus.CREATED, creations.create(actor, idempotencyKey, "measure", body,
                () -> measures.impose(actor, body.toMeasure()), d -> d.summary().id(), id -> measures.get(actor, id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a measure with its term and deadlines")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> get(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return answer(HttpStatus.OK, measures.get(actor, id));
    }

    @PostMapping("/{id}/urgent-approval")
    @Operation(summary = "Approve an urgent measure reported within 24 hours (补办批准手续)",
            description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> approve(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UrgentApprovalBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/urgent-refusal")
    @Operation(summary = "Refuse an urgent measure: it is released at once", description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> refuse(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UrgentRefusalBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/service")
    @Operation(summary = "Serve the decision and list", description = "Role OFFICER; refused with 409 until the "
            + "decision is sealed and its seal verified (ADR 0515)")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> serve(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MeasureServiceBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Extend the measure once by at most 30 days (art. 25)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> extend(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MeasureExtensionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/testing")
    @Operation(summary = "Start testing or appraisal (not counted in the term)", description = "Role OFFICER")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> testing(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody TestingBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/testing-result")
    @Operation(summary = "Record the end of testing or appraisal", description = "Role OFFICER")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> testingResult(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TestingResultBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release the measure (解除)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> release(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ReleaseBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/release-service")
    @Operation(summary = "Serve the release decision (解除决定书)", description = "Role OFFICER; refused with 409 until "
            + "the release decision is sealed and its seal verified (ADR 0515)")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> serveRelease(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReleaseServiceBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/disposal")
    @Operation(summary = "Record the decision on the property (处理决定)", description = "Role OFFICER")
    public ResponseEntity<ProcedureDetail<MeasureParticulars>> dispose(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody DisposalBody body) {
        return step(actor, id, ifMatch, body);
    }

    private ResponseEntity<ProcedureDetail<MeasureParticulars>> step(Actor actor, UUID id, String ifMatch,
                                                                     MeasureStep body) {
        return answer(HttpStatus.OK, measures.execute(actor, id, ifMatch(ifMatch), body.toCommand()));
    }
}
