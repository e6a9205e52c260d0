package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.ArchiveBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.ClosureBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.CourtEnforcementBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.DecisionBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.DecisionChangeBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.DeclinationBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.DiscussionBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.ExtensionBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.FilingBody;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.HearingBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.HearingNoticeBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.HearingRequestBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.LeadBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.LegalReviewBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.MajorBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.NoticeBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.PaymentBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.PaymentPlanBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.PublicationBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.ResumptionBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.ServiceBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.StepBody;
import cn.gov.shanwei.enforcement.app.cases.PenaltyBodies.SuspensionBody;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceFileEntity;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The 行政处罚 case lifecycle for staff: leads, filing, evidence, notices, hearing, legal review, collective
 * discussion, decision, service, payment, suspension, closure and archive. Each step answers the case with its new
 * version as ETag; send it back as {@code If-Match} to be sure nobody changed the case meanwhile (409 otherwise).
 */
@RestController
@RequestMapping("/api/v1/cases/penalties")
@Tag(name = "Penalty cases", description = "行政处罚 from lead to archive (staff: bearer token or signed client "
        + "acting for an officer)")
public class PenaltyCaseController extends CaseApiSupport {

    private final PenaltyCaseService cases;
    private final StaffCreations creations;
    private final long maxEvidenceBytes;

    /**
     * @param cases      the penalty workflow
     * @param properties case platform configuration (evidence size limit)
     */
    public PenaltyCaseController(PenaltyCaseService cases, CaseProperties properties, StaffCreations creations) {
        this.cases = cases;
        this.creations = creations;
        this.maxEvidenceBytes = properties.evidence().maxSize().toBytes();
    }

    /** Sort direction of a list. */
    public enum Direction { ASC, DESC }

    @GetMapping
    @Operation(summary = "List the cases in your jurisdiction, filtered, sorted and paged", description = """
            `total` counts the matching cases up to a cap (hub.cases.list-total-cap, 10,000) or up to the end of the \
            page asked for when that is further. Below it `total` is exact and `totalIsLowerBound` false; beyond it \
            `total` is the cap (or that page's end), `totalIsLowerBound` is true and more cases match than `total` \
            says: show "10,000+", and a later page has items (ADR 0517). `partyName` matches any part of the \
            party's name, ignoring case. `partyId` finds the cases of one party by its full identifier (统一社会信用代码 \
            or 身份证号, GB 32100 / GB 11643 check character verified, spaces and case ignored; otherwise 400 naming \
            `partyId`), within your jurisdiction like every filter; while cases recorded before the identifier was \
            indexed are still being indexed, the answer says `incomplete: true` (some of the party's cases may be \
            missing: ask again later; ADR 0530). Ties in the sort are broken by case id, in the same direction.""")
    public CasePage<PenaltyCaseSummary> list(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                             @RequestParam(required = false) PenaltyStage stage,
                                             @RequestParam(required = false) String matterCode,
                                             @RequestParam(required = false) String partyName,
                                             @RequestParam(required = false) String subjectId,
                                             @RequestParam(required = false) @DateTimeFormat(
                                                     iso = DateTimeFormat.ISO.DATE) LocalDate discoveredFrom,
                                             @RequestParam(required = false) @DateTimeFormat(
                                                     iso = DateTimeFormat.ISO.DATE) LocalDate discoveredTo,
                                             @RequestParam(defaultValue = "updatedAt") String sort,
                                             @RequestParam(defaultValue = "DESC") Direction direction,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size,
                                             @Parameter(description = "the party's full 统一社会信用代码 or 身份证号 "
                                                     + "(never logged or audited)")
                                             @RequestParam(required = false) String partyId) {
        return cases.list(actor, new CaseQuery(stage == null ? null : stage.name(), matterCode, partyName, subjectId,
                discoveredFrom, discoveredTo, sort, direction == Direction.DESC, page, size, partyId));
    }

    @PostMapping
    @Operation(summary = "Register a lead (案源登记)", description = "Role OFFICER; the case belongs to your subject. "
            + StaffCreations.KEY_DOC)
    public ResponseEntity<PenaltyCaseDetail> registerLead(@Parameter(hidden = true) @AuthenticationPrincipal
                                                          Actor actor, @Valid @RequestBody LeadBody body,
                                                          @RequestHeader(name = "Idempotency-Key", required = false)
                                                          String idempotencyKey) {
        return answer(HttpStatus.CREATED, creations.create(actor, idempotencyKey, "lead", body,
                () -> cases.registerLead(actor, body.toLead()), d -> d.summary().id(), id -> cases.get(actor, id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a case with its deadlines, evidence and record")
    public ResponseEntity<PenaltyCaseDetail> get(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                 @PathVariable UUID id) {
        return answer(HttpStatus.OK, cases.get(actor, id));
    }

    @PostMapping("/{id}/filing")
    @Operation(summary = "File the case (立案)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> file(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                  @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody FilingBody body) {
        // The province is asked before the step's transaction opens (no connection held while it answers).
        PenaltyCommand.File filing = (PenaltyCommand.File) body.toCommand();
        var checked = cases.checkFiling(actor, id, filing);
        Long expected = ifMatch(ifMatch);
        return answer(HttpStatus.OK, expected != null ? cases.execute(actor, id, expected, filing, checked)
                : CaseConflicts.retried(() -> cases.execute(actor, id, null, filing, checked)));
    }

    @PostMapping("/{id}/declination")
    @Operation(summary = "Decline to file (不予立案)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> decline(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                     @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody DeclinationBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Extend the filing or decision period once", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> extend(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ExtensionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/major")
    @Operation(summary = "Mark the case as major (legal review becomes mandatory)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> major(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                   @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody MajorBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload evidence taken with a co-officer (SM3 digest computed on arrival)",
            description = "Role OFFICER; two certified officers of the subject (行政处罚法 art. 42). Optionally where "
                    + "it was taken, placed through 粤政图: `address` (a place description, geocoded within the "
                    + "case's city) and/or `lon`, `lat` (CGCS2000; `crs` default EPSG:4490, GCJ-02/BD-09 refused). "
                    + "The evidence's `location` is LOCATED or NOT_FOUND when the map answered at once, else PENDING "
                    + "until the hub's durable request gets its answer (recorded as the case's EvidenceLocated).")
    public ResponseEntity<PenaltyCaseDetail> evidence(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                      @PathVariable UUID id,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      @RequestPart("file") MultipartFile file,
                                                      @RequestParam String description,
                                                      @RequestParam Instant collectedAt,
                                                      @RequestParam String where,
                                                      @RequestParam List<String> coOfficerIds,
                                                      @RequestParam(required = false) String address,
                                                      @RequestParam(required = false) Double lon,
                                                      @RequestParam(required = false) Double lat,
                                                      @RequestParam(required = false) String crs) {
        // The same checks as every other evidence upload (a content type the column cannot hold was a 500 here).
        NewEvidence evidence = EvidenceUploads.of(file, description, collectedAt, where, coOfficerIds,
                maxEvidenceBytes, EvidenceUploads.place(address, lon, lat, crs));
        Long expected = ifMatch(ifMatch);
        // 粤政图 is asked before the upload's transaction opens, for a bounded time (ADR 0513).
        Optional<EvidenceLocation> located = cases.locateEvidence(actor, id, evidence.place());
        return answer(HttpStatus.CREATED, cases.recordEvidence(actor, id, expected, evidence, located));
    }

    @GetMapping("/{id}/evidence/{evidenceId}/file")
    @Operation(summary = "Download an evidence file as received; its SM3 digest is in X-Content-SM3")
    public ResponseEntity<byte[]> evidenceFile(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                               @PathVariable UUID id, @PathVariable String evidenceId) {
        EvidenceFileEntity f = cases.evidenceFile(actor, id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("X-Content-SM3", f.sm3())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + evidenceId + "\"")
                .body(f.content());
    }

    @GetMapping(path = "/{id}/casefile", produces = "application/zip")
    @Operation(summary = "Export the case file (卷宗): record with its SM3 chain, evidence files, manifest",
            description = "Check it offline with verify-casefile (case-services/README.md)")
    public ResponseEntity<byte[]> caseFile(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                           @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casefile-" + id + ".zip\"")
                .body(cases.exportCaseFile(actor, id));
    }

    @PostMapping("/{id}/notices")
    @Operation(summary = "Notify the intended penalty and the party's rights (事先告知)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> notice(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody NoticeBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/hearing-requests")
    @Operation(summary = "Record the party's hearing request", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> hearingRequest(@Parameter(hidden = true) @AuthenticationPrincipal
                                                            Actor actor, @PathVariable UUID id,
                                                            @RequestHeader(value = IF_MATCH, required = false)
                                                            String ifMatch,
                                                            @Valid @RequestBody HearingRequestBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/hearing-notices")
    @Operation(summary = "Serve the hearing notice (7 working days ahead)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> hearingNotice(@Parameter(hidden = true) @AuthenticationPrincipal
                                                           Actor actor, @PathVariable UUID id,
                                                           @RequestHeader(value = IF_MATCH, required = false)
                                                           String ifMatch, @Valid @RequestBody HearingNoticeBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/hearings")
    @Operation(summary = "Record the hearing", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> hearing(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                     @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody HearingBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/legal-reviews")
    @Operation(summary = "Record the legal review (法制审核)", description = "Role LEGAL_REVIEWER")
    public ResponseEntity<PenaltyCaseDetail> legalReview(@Parameter(hidden = true) @AuthenticationPrincipal
                                                         Actor actor, @PathVariable UUID id,
                                                         @RequestHeader(value = IF_MATCH, required = false)
                                                         String ifMatch, @Valid @RequestBody LegalReviewBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/collective-discussions")
    @Operation(summary = "Record the collective discussion (集体讨论)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> discussion(@Parameter(hidden = true) @AuthenticationPrincipal
                                                        Actor actor, @PathVariable UUID id,
                                                        @RequestHeader(value = IF_MATCH, required = false)
                                                        String ifMatch, @Valid @RequestBody DiscussionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Decide (行政处罚决定)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> decide(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody DecisionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/service")
    @Operation(summary = "Record service of the decision (送达)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> serve(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                   @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ServiceBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Record the publication of the decision (双公示)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> publish(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                     @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody PublicationBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/decision-changes")
    @Operation(summary = "Record a change or revocation of the decision (变更/撤销)", description = "Role SUBJECT_HEAD. "
            + "A published decision is then withdrawn from publication (双公示) through the province within 3 working "
            + "days, automatically.")
    public ResponseEntity<PenaltyCaseDetail> changeDecision(@Parameter(hidden = true) @AuthenticationPrincipal
                                                            Actor actor, @PathVariable UUID id,
                                                            @RequestHeader(value = IF_MATCH, required = false)
                                                            String ifMatch,
                                                            @Valid @RequestBody DecisionChangeBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/payment-plan")
    @Operation(summary = "Approve deferral or instalments", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> plan(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                  @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody PaymentPlanBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record a payment; the surcharge due (加处罚款) is computed", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> pay(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                 @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody PaymentBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/court-enforcement")
    @Operation(summary = "Apply to the court for enforcement", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> court(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                   @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody CourtEnforcementBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspend the case (中止)", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> suspend(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                     @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody SuspensionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/resumption")
    @Operation(summary = "Resume a suspended case", description = "Role SUBJECT_HEAD")
    public ResponseEntity<PenaltyCaseDetail> resume(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ResumptionBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the case (结案)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> close(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                   @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ClosureBody body) {
        return step(actor, id, ifMatch, body);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive the case (归档)", description = "Role OFFICER")
    public ResponseEntity<PenaltyCaseDetail> archive(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                     @PathVariable UUID id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ArchiveBody body) {
        return step(actor, id, ifMatch, body);
    }

    /**
     * A step. With {@code If-Match} it applies to that version or is refused (409). Without it the caller asked for
     * the case as it is: a step that loses a commit race against the hub's own background writers (a provider's
     * payment or publication confirmation) is run again on the new state, which re-checks every rule.
     */
    private ResponseEntity<PenaltyCaseDetail> step(Actor actor, UUID id, String ifMatch, StepBody body) {
        Long expected = ifMatch(ifMatch);
        if (expected != null) {
            return answer(HttpStatus.OK, cases.execute(actor, id, expected, body.toCommand()));
        }
        return answer(HttpStatus.OK, CaseConflicts.retried(() -> cases.execute(actor, id, null, body.toCommand())));
    }

    private static ResponseEntity<PenaltyCaseDetail> answer(HttpStatus status, PenaltyCaseDetail detail) {
        return ResponseEntity.status(status).eTag(etag(detail.summary().version())).body(detail);
    }
}
