package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.StateWait;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The decision document (行政处罚决定书) of a visible case on the staff API: its state and verification report, and
 * the sealed OFD itself. Jurisdiction as for the case ({@link PenaltyCaseService#get}).
 */
@RestController
public class DecisionDocumentController {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionDocumentController.class);

    /** OFD's media type (GB/T 33190). */
    public static final MediaType OFD = MediaType.parseMediaType("application/ofd");

    /** The states a decision document can be in, as a {@code waitWhile} may name them. */
    private static final Set<String> STATES = Arrays.stream(DecisionDocumentLedger.State.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final PenaltyCaseService cases;
    private final DecisionDocumentLedger ledger;
    private final ObjectMapper json;
    private final SealProvider seals;
    private final StateWait waits;

    public DecisionDocumentController(PenaltyCaseService cases, DecisionDocumentLedger ledger, ObjectMapper json,
                                      SealProvider seals, StateWait waits) {
        this.cases = cases;
        this.ledger = ledger;
        this.json = json;
        this.seals = seals;
        this.waits = waits;
    }

    /**
     * Where the case's latest decision document stands.
     *
     * @param state     {@code PENDING}, {@code SEALED}, {@code VERIFICATION_FAILED} or {@code NO_SEAL} (the last
     *                  two are tasks for staff: the decision cannot be served)
     * @param sealedSm3 the sealed document's SM3 (null until sealed)
     * @param report    the hub's verification report: every signature and check, in the shape of
     *                  {@code POST /api/v1/seals/verifications} (null until verified)
     * @param problem   why it needs a person (null otherwise)
     */
    public record DocumentView(String documentId, String decisionNumber, String state, String sealId,
                               String unsealedSm3, String sealedSm3, SealController.VerificationView report,
                               String problem,
                               Instant createdAt, Instant sealedAt) {
    }

    @GetMapping("/api/v1/cases/penalties/{id}/decision-document/status")
    @Operation(summary = "The state and seal verification report of the case's decision document (行政处罚决定书)",
            description = "With waitWhile (a state) and waitSeconds (1-20 by default) the answer waits until the "
                    + "document's state is another one, or with the unchanged state when the time is up: one request "
                    + "instead of a poll loop while the seal is on its way.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DocumentView.class)))
    public ResponseEntity<?> status(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                    @PathVariable UUID id,
                                    @ParameterObject StateWait.Asked wait,
                                    HttpServletRequest request) throws IOException {
        cases.requireVisible(actor, id);
        var latest = Optional.ofNullable(waits.read(() -> ledger.byCase(id).stream().findFirst().orElse(null),
                row -> row.state().name(), wait, STATES));
        if (latest.isEmpty()) {
            return none(request);
        }
        var row = latest.get();
        return ResponseEntity.ok(new DocumentView(row.documentId(), row.decisionNumber(), row.state().name(),
                row.sealId(), row.unsealedSm3(), row.sealedSm3(), row.report() == null ? null
                : SealController.VerificationView.of(json.readValue(row.report(), SealVerificationReport.class)),
                row.problem(), row.createdAt(), row.sealedAt()));
    }

    @GetMapping("/api/v1/cases/penalties/{id}/decision-document")
    @Operation(summary = "Download the case's sealed and verified decision document (OFD)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/ofd",
            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<?> download(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                      @PathVariable UUID id, HttpServletRequest request) {
        cases.requireVisible(actor, id);
        var latest = ledger.byCase(id).stream().findFirst();
        if (latest.isEmpty()) {
            return none(request);
        }
        var row = latest.get();
        if (row.state() != DecisionDocumentLedger.State.SEALED) {
            ProblemDetail problem = Problems.problem(ErrorCode.CONFLICT, "the decision document " + row.documentId()
                    + " is " + row.state() + (row.problem() == null ? "" : ": " + row.problem())
                    + "; only a sealed and verified document is handed out", request);
            problem.setProperty("conflict", "NOT_SEALED");
            return Problems.response(problem, null);
        }
        byte[] ofd = ledger.sealed(row.documentId()).orElseThrow();
        // Checked again on the way out: the stored bytes must be the ones verified, and their seal must still verify.
        if (!Sm3.of(ofd).hex().equals(row.sealedSm3())) {
            throw new TamperedDataException("the stored decision document " + row.documentId()
                    + " no longer matches the SM3 digest recorded when its seal was verified");
        }
        SealVerificationReport report = seals.verifier().verify(ofd, row.collectingUnit());
        if (!report.valid()) {
            throw new TamperedDataException("the stored decision document " + row.documentId()
                    + " no longer verifies: " + VerificationReports.failures(report));
        }
        return ResponseEntity.ok().contentType(OFD)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("decision-" + row.documentId() + ".ofd", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SM3", row.sealedSm3())
                .body(ofd);
    }

    private static ResponseEntity<ProblemDetail> none(HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND,
                "no decision document for this case (no decision recorded)", request), null);
    }

    @ExceptionHandler(TamperedDataException.class)
    ResponseEntity<ProblemDetail> tampered(TamperedDataException e, HttpServletRequest request) {
        LOG.error("Integrity check failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return Problems.response(Problems.problem(ErrorCode.INTERNAL_ERROR, "The stored document failed its "
                + "integrity check: " + e.getMessage() + ". It has been logged for the administrators", request), null);
    }

    @ExceptionHandler(CaseAccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(CaseAccessDeniedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.ACCESS_DENIED, e.getMessage(), request), null);
    }
}
