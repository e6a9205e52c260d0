package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.AlertView;
import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.CaseStatusView;
import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.IndicatorRowView;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorRow;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorTable;
import cn.gov.shanwei.enforcement.supervision.indicator.ScopeLevel;
import cn.gov.shanwei.enforcement.supervision.monitoring.CaseSupervision;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualification;
import cn.gov.shanwei.enforcement.supervision.workforce.SubjectWorkforce;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Case supervision and indicators (案件监督、量化指标) for a supervisor's jurisdiction. Every list is also CSV with
 * {@code format=csv}.
 */
@RestController
@RequestMapping("/api/v1/supervision")
public class SupervisionController extends SupervisionEndpoint {

    /** The longest period one indicator request may span. */
    static final int MAX_MONTHS = 36;

    private final SupervisionDesk desk;

    public SupervisionController(SupervisionDesk desk) {
        this.desk = desk;
    }

    /** Every open case the supervisor watches with its deadlines, most urgent first. */
    @GetMapping("/cases")
    public ResponseEntity<?> openCases(@RequestParam(required = false) String supervisor,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        List<CaseStatusView> cases = desk.supervision().openCases(sup, day).stream()
                .map(s -> CaseStatusView.of(s, day)).toList();
        return csv(format) ? SupervisionViews.casesCsv(cases).response("open-cases") : ResponseEntity.ok(cases);
    }

    /** One case (the last step of the drill-down): its status and alerts, if the supervisor watches it. */
    @GetMapping("/cases/{caseNumber}")
    public Map<String, Object> oneCase(@PathVariable String caseNumber, @RequestParam(required = false) String supervisor,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        CaseSupervision supervision = desk.supervision();
        CaseNumber number = new CaseNumber(caseNumber);
        if (!supervision.watches(sup, number)) {
            throw new NotInJurisdictionException("no case " + caseNumber + " in your jurisdiction");
        }
        return Map.of("status", CaseStatusView.of(supervision.status(number, day).orElseThrow(), day),
                "alerts", supervision.alertsOf(number, day).stream().map(AlertView::of).toList());
    }

    /** Every alert on the cases the supervisor watches, most severe first. */
    @GetMapping("/alerts")
    public ResponseEntity<?> alerts(@RequestParam(required = false) String supervisor,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        List<AlertView> alerts = desk.alerts(sup, day).stream().map(AlertView::of).toList();
        return csv(format) ? SupervisionViews.alertsCsv(alerts).response("alerts") : ResponseEntity.ok(alerts);
    }

    /**
     * The indicators ({@code docs/indicators.md}) of the supervisor's jurisdiction per month; {@code level} and
     * {@code parent} select a drill-down step, {@code totals=true} sums the months.
     */
    @GetMapping("/indicators")
    public ResponseEntity<?> indicators(@RequestParam(required = false) String supervisor, @RequestParam YearMonth from,
                                        @RequestParam YearMonth to,
                                        @RequestParam(required = false) ScopeLevel level,
                                        @RequestParam(required = false) String parent,
                                        @RequestParam(defaultValue = "false") boolean totals,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor, Caller.MACHINE_READ);
        if (to.isBefore(from)) {
            throw new DomainValidationException("to", "is before from");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new DomainValidationException("to", "a request spans at most " + MAX_MONTHS + " months");
        }
        IndicatorTable table = desk.indicators(sup, from, to, asOf == null ? desk.today() : asOf);
        List<IndicatorRow> rows = table.rows().stream()
                .filter(r -> level == null || r.level() == level)
                .filter(r -> parent == null || parent.equals(r.parentCode()))
                .toList();
        if (totals) {
            rows = table.totalsOver(rows);
        }
        List<IndicatorRowView> views = rows.stream().map(IndicatorRowView::of).toList();
        return csv(format) ? SupervisionViews.indicatorsCsv(views).response("indicators") : ResponseEntity.ok(views);
    }

    /** The officers of the jurisdiction with certificate warnings and workload (执法队伍). */
    @GetMapping("/workforce/officers")
    public ResponseEntity<?> officers(@RequestParam(required = false) String supervisor,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        List<SupervisionViews.OfficerView> officers = desk.workforce().officers(sup, day).stream()
                .map(o -> SupervisionViews.OfficerView.of(o, desk.qualifications().find(o.id()), day)).toList();
        if (!csv(format)) {
            return ResponseEntity.ok(officers);
        }
        CsvTable t = new CsvTable(List.of("officer", "name", "subject", "certificateNumber", "validTo", "status",
                "daysLeft", "warning", "openCases", "legalQualified", "legalQualificationNumber"));
        officers.forEach(o -> t.row(Arrays.asList(o.officer(), o.name(), o.subject(), o.certificateNumber(),
                o.validTo(), o.status(), o.daysLeft(), o.warning(), o.openCases(), o.legalQualified(),
                o.legalQualification() == null ? null : o.legalQualification().certificateNumber())));
        return t.response("workforce-officers");
    }

    /** A legal qualification (法律职业资格) to record for an officer. */
    public record QualificationBody(@NotBlank @Size(max = 64) String certificateNumber, @NotNull LocalDate obtainedOn,
                                    LocalDate revokedOn) {
    }

    /**
     * Records (or replaces) the legal qualification of an officer of the supervisor's jurisdiction: 行政处罚法 art. 58
     * requires it of legal reviewers (法制审核人员); a review by someone without it raises an alert.
     */
    @PutMapping("/workforce/officers/{officer}/legal-qualification")
    public SupervisionViews.QualificationView recordQualification(@PathVariable String officer,
                                                                  @Valid @RequestBody QualificationBody body,
                                                                  HttpServletRequest request) {
        SubjectId sup = supervisor(request, null);
        SupervisionRegistry registry = desk.registry();
        Officer o = registry.officer(new OfficerId(officer))
                .filter(x -> registry.watches(registry.supervisor(sup), x.subject()))
                .orElseThrow(() -> new NotInJurisdictionException("no officer " + officer + " in your jurisdiction"));
        LegalQualification q = new LegalQualification(o.id(), body.certificateNumber(), body.obtainedOn(),
                body.revokedOn(), actingAs(request), desk.now());
        desk.qualifications().save(q);
        return SupervisionViews.QualificationView.of(q);
    }

    /** Per subject: officers, certified, expiring, open cases and open cases per certified officer. */
    @GetMapping("/workforce/subjects")
    public ResponseEntity<?> workforce(@RequestParam(required = false) String supervisor,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        List<SubjectWorkforce> subjects = desk.workforce().subjects(sup,
                asOf == null ? desk.today() : asOf);
        if (!csv(format)) {
            return ResponseEntity.ok(subjects.stream().map(SupervisionViews.SubjectWorkforceView::of).toList());
        }
        CsvTable t = new CsvTable(List.of("subject", "name", "officers", "certified", "expiring", "openCases",
                "openPerCertified"));
        subjects.forEach(s -> t.row(Arrays.asList(s.subject().value(), s.name(), s.officers(),
                s.certified(), s.expiring(), s.openCases(), s.openPerCertified())));
        return t.response("workforce-subjects");
    }

    /** The coercive measures in force in the jurisdiction with their term (行政强制措施), most urgent first. */
    @GetMapping("/measures")
    public ResponseEntity<?> measures(@RequestParam(required = false) String supervisor,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        List<SupervisionViews.MeasureView> measures = desk.coercion().inForce(sup, day).stream()
                .map(m -> SupervisionViews.MeasureView.of(m, day)).toList();
        if (!csv(format)) {
            return ResponseEntity.ok(measures);
        }
        CsvTable t = new CsvTable(List.of("caseNumber", "subject", "kind", "stage", "imposedOn", "extensionDays",
                "state", "termEndsOn", "article"));
        measures.forEach(m -> t.row(Arrays.asList(m.caseNumber(), m.subject(), m.kind(), m.stage(), m.imposedOn(),
                m.extensionDays(), m.state(), m.deadlines().isEmpty() ? null : m.deadlines().get(0).dueOn(),
                m.deadlines().isEmpty() ? null : m.deadlines().get(0).article())));
        return t.response("coercive-measures");
    }
}
