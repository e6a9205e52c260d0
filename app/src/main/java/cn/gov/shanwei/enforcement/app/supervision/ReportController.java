package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The monthly supervision report (监督月报) as a document: one month's indicators of the supervisor's jurisdiction,
 * per subject, the standing alerts and the cases behind the counts, as OFD. A signed-on supervisor gets their own
 * jurisdiction; a back end registered for {@code supervision.read} names {@code supervisor=} (ADR 0704).
 */
@RestController
@RequestMapping("/api/v1/supervision")
public class ReportController extends SupervisionEndpoint {

    private final SupervisionDesk desk;

    public ReportController(SupervisionDesk desk) {
        this.desk = desk;
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
