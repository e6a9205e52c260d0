package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import cn.gov.shanwei.enforcement.supervision.report.StoredReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;

/**
 * The monthly supervision report (监督月报) as a document: one month's indicators of the supervisor's jurisdiction,
 * per subject, the standing alerts and the cases behind the counts, as OFD. A signed-on supervisor gets their own
 * jurisdiction; a back end registered for {@code supervision.read} names {@code supervisor=} (ADR 0704).
 */
@RestController
@RequestMapping("/api/v1/supervision")
public class ReportController extends SupervisionEndpoint {

    private final SupervisionDesk desk;
    private final MonthlyReports reports;

    public ReportController(SupervisionDesk desk, MonthlyReports reports) {
        this.desk = desk;
        this.reports = reports;
    }

    /** The kept monthly reports of the supervisor's own body, newest first. */
    @GetMapping("/reports/monthly/archive")
    public List<ArchivedReport> archived(HttpServletRequest request) {
        return reports.archive().list(supervisor(request, null)).stream().map(ArchivedReport::of).toList();
    }

    /** A kept report as listed. */
    public record ArchivedReport(String supervisor, YearMonth month, LocalDate asOf, java.time.Instant generatedAt,
                                 String generatedBy, String documentSm3, String signatureAlg, int size) {
        static ArchivedReport of(StoredReport.Summary s) {
            return new ArchivedReport(s.supervisor().value(), s.month(), s.asOf(), s.generatedAt(), s.generatedBy(),
                    s.documentSm3(), s.signatureAlg(), s.size());
        }
    }

    /** A month to generate now. */
    public record GenerateBody(@NotNull YearMonth month) {
    }

    /**
     * Generates and keeps the report of a month that has ended, now, if none is kept yet (the schedule does this from
     * the generation day): 201 when generated, 200 when one was kept already (it is not replaced).
     */
    @PostMapping("/reports/monthly/archive")
    public ResponseEntity<ArchivedReport> generate(@Valid @RequestBody GenerateBody body,
                                                         HttpServletRequest request) {
        SubjectId sup = supervisor(request, null);
        LocalDate today = desk.today();
        if (!body.month().isBefore(YearMonth.from(today))) {
            throw new DomainValidationException("month", "has not ended yet");
        }
        boolean generated = reports.generate(sup, body.month(), today, actingAs(request));
        ArchivedReport kept = ArchivedReport.of(stored(sup, body.month()).summary());
        return ResponseEntity.status(generated ? HttpStatus.CREATED : HttpStatus.OK).body(kept);
    }

    /**
     * A kept report's OFD, with its SM3 ({@code X-Document-SM3}) and the hub's SM2 signature over it
     * ({@code X-Signature}, {@code X-Signer-Key}, base64; {@code X-Signature-Algorithm}).
     */
    @GetMapping(path = "/reports/monthly/archive/{month}", produces = {MonthlyReport.MEDIA_TYPE,
            MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<byte[]> archivedDocument(@PathVariable YearMonth month, HttpServletRequest request) {
        SubjectId sup = supervisor(request, null);
        StoredReport r = stored(sup, month);
        Base64.Encoder b64 = Base64.getEncoder();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MonthlyReport.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("supervision-report-" + sup.value() + "-" + month + ".ofd").build().toString())
                .header("X-Document-SM3", r.documentSm3())
                .header("X-Signature-Algorithm", r.signatureAlg())
                .header("X-Signature", b64.encodeToString(r.signature()))
                .header("X-Signer-Key", b64.encodeToString(r.signerKey()))
                .body(r.document());
    }

    /** A kept report's integrity: the document's SM3 and signature checked again now. */
    @GetMapping("/reports/monthly/archive/{month}/verification")
    public Verification verification(@PathVariable YearMonth month, HttpServletRequest request) {
        StoredReport r = stored(supervisor(request, null), month);
        boolean digest = Sm3.of(r.document()).hex().equals(r.documentSm3());
        return new Verification(r.documentSm3(), digest, r.signatureAlg(),
                ReportSigner.verify(r.document(), r.signature(), r.signerKey()),
                Base64.getEncoder().encodeToString(r.signerKey()));
    }

    /** The report's figures traced to cases: subject → measure → case numbers. */
    @GetMapping(path = "/reports/monthly/archive/{month}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> trace(@PathVariable YearMonth month, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(stored(supervisor(request, null), month).traceJson());
    }

    private StoredReport stored(SubjectId supervisor, YearMonth month) {
        return reports.archive().find(supervisor, month).orElseThrow(() -> new NotInJurisdictionException(
                "no monthly report of " + month + " is kept for " + supervisor));
    }

    /**
     * A kept report checked again.
     *
     * @param documentSm3    the SM3 recorded
     * @param digestMatches  whether the document still has that SM3
     * @param signatureAlg   the algorithm
     * @param signatureValid whether the signature verifies with the key kept with it
     * @param signerKey      that key (X.509 SubjectPublicKeyInfo, base64)
     */
    public record Verification(String documentSm3, boolean digestMatches, String signatureAlg,
                               boolean signatureValid, String signerKey) {
    }

    /** The report of {@code month} (not after the current one), figures as of {@code asOf} (default today). */
    @GetMapping(path = "/reports/monthly", produces = {MonthlyReport.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<byte[]> monthly(@RequestParam(required = false) String supervisor,
                                          @RequestParam YearMonth month,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                          HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor, Caller.MACHINE_READ);
        LocalDate day = asOf == null ? desk.today() : asOf;
        if (month.isAfter(YearMonth.from(day))) {
            throw new DomainValidationException("month", "is after the as-of day's month");
        }
        SupervisionRegistry registry = desk.registry();
        MonthlyReport report = new MonthlyReport(registry.supervisor(sup), month, day,
                desk.indicators(sup, month, month, day), desk.watchedSubjects(registry, sup), desk.model().all(),
                desk.alerts(sup, day));
        String name = "supervision-report-" + sup.value() + "-" + month + ".ofd";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MonthlyReport.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(report.ofd());
    }
}
