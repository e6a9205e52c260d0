package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.app.seal.ProcedureDocumentLedger;
import cn.gov.shanwei.enforcement.app.seal.SealProvider;
import cn.gov.shanwei.enforcement.app.seal.SealedDocumentLedger;
import cn.gov.shanwei.enforcement.app.seal.VerificationReports;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureService;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureEvidenceFileEntity;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What coercive measures and inspections keep besides their steps, on the staff API: evidence (uploaded with a
 * co-officer, SM3 on arrival, downloadable), their documents (查封/扣押/冻结决定书, 解除决定书, 现场检查笔录: state,
 * verification report and the sealed OFD, checked again on the way out, ADR 0515) and the case file (卷宗) that
 * {@code verify-casefile} checks offline. Jurisdiction and roles as for the procedures' other endpoints.
 */
@RestController
@RequestMapping("/api/v1/cases/{procedure:coercive-measures|inspections}/{id}")
@Tag(name = "Procedure records", description = "Evidence, sealed documents and case file of coercive measures "
        + "(行政强制措施) and inspections (行政检查)")
public class ProcedureRecordsController extends CaseApiSupport {

    private static final String MEASURES = "coercive-measures";
    private static final MediaType OFD = MediaType.parseMediaType("application/ofd");

    private final CoerciveMeasureService measures;
    private final InspectionService inspections;
    private final ProcedureDocumentLedger documents;
    private final SealProvider seals;
    private final ObjectMapper json;
    private final long maxEvidenceBytes;

    public ProcedureRecordsController(CoerciveMeasureService measures, InspectionService inspections,
                                      ProcedureDocumentLedger documents, SealProvider seals, ObjectMapper json,
                                      CaseProperties properties) {
        this.measures = measures;
        this.inspections = inspections;
        this.documents = documents;
        this.seals = seals;
        this.json = json;
        this.maxEvidenceBytes = properties.evidence().maxSize().toBytes();
    }

    /**
     * A document of the procedure.
     *
     * @param documentId  its id ({@code MD-}, {@code MR-} or {@code IR-} and the issuing event's id)
     * @param kind        MEASURE_DECISION, EXTENSION_DECISION, RELEASE_DECISION or INSPECTION_RECORD
     * @param number      its number
     * @param state       PENDING, SEALED, VERIFICATION_FAILED, SEAL_REFUSED or NO_SEAL (the last three are tasks for
     *                    staff; a decision or release decision cannot be served before SEALED)
     * @param sealedSm3   the sealed OFD's SM3 (null until sealed)
     * @param report      the hub's verification report (null until verified)
     * @param problem     why it needs a person (null otherwise)
     */
    public record DocumentView(String documentId, String kind, String number, String state, String sealId,
                               String unsealedSm3, String sealedSm3, JsonNode report, String problem,
                               Instant createdAt, Instant sealedAt) {
    }

    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload evidence taken with a co-officer (SM3 digest computed on arrival)",
            description = "Role OFFICER of the procedure's subject; two certified officers. A measure at any stage, an "
                    + "inspection once carried out. Optionally where it was taken, placed through 粤政图 as for a "
                    + "penalty case's evidence: `address` (geocoded within the procedure's city) and/or `lon`, `lat` "
                    + "(CGCS2000; `crs` default EPSG:4490, GCJ-02/BD-09 refused). The evidence's `location` is "
                    + "LOCATED or NOT_FOUND when the map answered at once, else PENDING until the hub's durable "
                    + "request gets its answer (recorded as the procedure's EvidenceLocated).")
    public ResponseEntity<? extends ProcedureDetail<?>> evidence(
            @Parameter(hidden = true) @AuthenticationPrincipal Actor actor, @PathVariable String procedure,
            @PathVariable UUID id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestPart("file") MultipartFile file, @RequestParam String description,
            @RequestParam Instant collectedAt, @RequestParam String where, @RequestParam List<String> coOfficerIds,
            @RequestParam(required = false) String address, @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) String crs) {
        EvidencePlace place = EvidenceUploads.place(address, lon, lat, crs);
        var evidence = EvidenceUploads.of(file, description, collectedAt, where, coOfficerIds, maxEvidenceBytes,
                place);
        Long expected = ifMatch(ifMatch);
        ProcedureService<?, ?, ?> service = service(procedure);
        // 粤政图 is asked before the upload's transaction opens, for a bounded time (ADR 0513).
        Optional<EvidenceLocation> located = service.locateEvidence(actor, id, place);
        return answer(HttpStatus.CREATED, service.recordEvidence(actor, id, expected, evidence, located));
    }

    @GetMapping("/evidence/{evidenceId}/file")
    @Operation(summary = "Download an evidence file as received; its SM3 digest is in X-Content-SM3")
    public ResponseEntity<byte[]> evidenceFile(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                               @PathVariable String procedure, @PathVariable UUID id,
                                               @PathVariable String evidenceId) {
        ProcedureEvidenceFileEntity f = service(procedure).evidenceFile(actor, id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("X-Content-SM3", f.sm3())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + evidenceId + "\"")
                .body(f.content());
    }

    @GetMapping(path = "/casefile", produces = "application/zip")
    @Operation(summary = "Export the case file (卷宗): record with its SM3 chain, evidence files, sealed documents, "
            + "manifest", description = "Check it offline with verify-casefile (case-services/README.md)")
    public ResponseEntity<byte[]> caseFile(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                           @PathVariable String procedure, @PathVariable UUID id) {
        byte[] zip = service(procedure).exportCaseFile(actor, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casefile-" + id + ".zip\"")
                .body(zip);
    }

    @GetMapping("/documents")
    @Operation(summary = "The procedure's documents with their seal state and verification report, newest first")
    public List<DocumentView> documents(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                        @PathVariable String procedure, @PathVariable UUID id) {
        visible(actor, procedure, id);
        return documents.byCase(id).stream().map(this::view).toList();
    }

    @GetMapping("/documents/{documentId}")
    @Operation(summary = "Download a sealed and verified document (OFD); checked again on the way out")
    public ResponseEntity<?> document(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                      @PathVariable String procedure, @PathVariable UUID id,
                                      @PathVariable String documentId, HttpServletRequest request) {
        visible(actor, procedure, id);
        SealedDocumentLedger.Row row = documents.byId(documentId).filter(r -> r.caseId().equals(id))
                .orElseThrow(() -> new NotFoundException("no document " + documentId + " of this procedure"));
        if (row.state() != SealedDocumentLedger.State.SEALED) {
            ProblemDetail problem = Problems.problem(ErrorCode.CONFLICT, "document " + row.documentId() + " is "
                    + row.state() + (row.problem() == null ? "" : ": " + row.problem())
                    + "; only a sealed and verified document is handed out", request);
            problem.setProperty("conflict", "NOT_SEALED");
            return Problems.response(problem, null);
        }
        byte[] ofd = documents.sealed(row.documentId()).orElseThrow();
        if (!Sm3.of(ofd).hex().equals(row.sealedSm3())) {
            throw new TamperedDataException("the stored document " + row.documentId()
                    + " no longer matches the SM3 digest recorded when its seal was verified");
        }
        SealVerificationReport report = seals.verifier().verify(ofd, row.collectingUnit());
        if (!report.valid()) {
            throw new TamperedDataException("the stored document " + row.documentId() + " no longer verifies: "
                    + VerificationReports.failures(report));
        }
        return ResponseEntity.ok().contentType(OFD)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(row.documentId() + ".ofd", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SM3", row.sealedSm3())
                .body(ofd);
    }

    private void visible(Actor actor, String procedure, UUID id) {
        service(procedure).get(actor, id);
    }

    /** The use cases of the procedure the path names. */
    private ProcedureService<?, ?, ?> service(String procedure) {
        return MEASURES.equals(procedure) ? measures : inspections;
    }

    private DocumentView view(SealedDocumentLedger.Row row) {
        try {
            return new DocumentView(row.documentId(), ProcedureDocumentLedger.kindOf(row.documentId())
                    .map(Enum::name).orElse(null), row.decisionNumber(), row.state().name(), row.sealId(),
                    row.unsealedSm3(), row.sealedSm3(), row.report() == null ? null : json.readTree(row.report()),
                    row.problem(), row.createdAt(), row.sealedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
