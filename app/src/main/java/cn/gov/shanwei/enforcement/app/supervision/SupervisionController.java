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
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObjectCatalogue;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualification;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingHours;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingRecord;
import cn.gov.shanwei.enforcement.supervision.workforce.SubjectWorkforce;
import cn.gov.shanwei.enforcement.supervision.common.NotInJurisdictionException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * The open cases the supervisor watches with their deadlines, most urgent first: all of them, or those of one
     * {@code county} group or one {@code subject} (the dashboard's drill-down), and only the {@code limit} most urgent
     * when asked; {@code X-Total-Count} says how many were selected.
     */
    @GetMapping("/cases")
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = CaseStatusView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public ResponseEntity<?> openCases(@RequestParam(required = false) String supervisor,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       @RequestParam(required = false) String county,
                                       @RequestParam(required = false) String subject,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        if (limit != null && (limit < 1 || limit > MAX_CASES)) {
            throw new DomainValidationException("limit", "must be between 1 and " + MAX_CASES);
        }
        desk.refresh();
        SupervisionRegistry registry = desk.registry();
        CaseSupervision.OpenCases open = desk.openCases(registry, sup, day, scope(registry, sup, county, subject),
                limit == null ? Integer.MAX_VALUE : limit);
        List<CaseStatusView> cases = open.cases().stream().map(s -> CaseStatusView.of(s, day)).toList();
        ResponseEntity<?> answer = csv(format) ? SupervisionViews.casesCsv(cases).response("open-cases")
                : ResponseEntity.ok(cases);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("X-Total-Count", Integer.toString(open.total())).body(answer.getBody());
    }

    /** The most open cases one request may ask for with {@code limit}. */
    static final int MAX_CASES = 1000;

    /** The subjects a case list is narrowed to: one county group, one subject, or all (404 outside the jurisdiction). */
    private java.util.function.Predicate<SubjectId> scope(SupervisionRegistry registry, SubjectId supervisor,
                                                          String county, String subject) {
        if (county != null && subject != null) {
            throw new DomainValidationException("subject", "name a county or a subject, not both");
        }
        List<SubjectId> watched = desk.watchedSubjects(registry, supervisor).stream().map(s -> s.id()).toList();
        if (subject != null) {
            SubjectId one = new SubjectId(subject);
            if (!watched.contains(one)) {
                throw new NotInJurisdictionException("no subject " + subject + " in your jurisdiction");
            }
            return one::equals;
        }
        if (county != null) {
            java.util.Set<SubjectId> inCounty = watched.stream()
                    .filter(s -> registry.countyOf(s).code().equals(county))
                    .collect(java.util.stream.Collectors.toSet());
            if (inCounty.isEmpty()) {
                throw new NotInJurisdictionException("no county group " + county + " in your jurisdiction");
            }
            return inCounty::contains;
        }
        return s -> true;
    }

    /** One case (the last step of the drill-down): its status and alerts, if the supervisor watches it. */
    @GetMapping("/cases/{caseNumber}")
    public SupervisionViews.CaseDetailView oneCase(@PathVariable String caseNumber, @RequestParam(required = false) String supervisor,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        CaseSupervision supervision = desk.supervision();
        CaseNumber number = new CaseNumber(caseNumber);
        if (!supervision.watches(sup, number)) {
            throw new NotInJurisdictionException("no case " + caseNumber + " in your jurisdiction");
        }
        return new SupervisionViews.CaseDetailView(CaseStatusView.of(supervision.status(number, day).orElseThrow(),
                day), supervision.alertsOf(number, day).stream().map(AlertView::of).toList());
    }

    /** Every alert on the cases the supervisor watches, most severe first. */
    @GetMapping("/alerts")
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = AlertView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
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
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = IndicatorRowView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
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
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = SupervisionViews.OfficerView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public ResponseEntity<?> officers(@RequestParam(required = false) String supervisor,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) String format, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        Map<OfficerId, BigDecimal> hours = TrainingHours.byOfficer(desk.trainings().inYear(day.getYear()));
        List<SupervisionViews.OfficerView> officers = desk.workforce().officers(sup, day).stream()
                .map(o -> SupervisionViews.OfficerView.of(o, desk.qualifications().find(o.id()), day,
                        desk.trainingHours().standing(hours.get(o.id())))).toList();
        if (!csv(format)) {
            return ResponseEntity.ok(officers);
        }
        CsvTable t = new CsvTable(List.of("officer", "name", "subject", "certificateNumber", "validTo", "status",
                "daysLeft", "warning", "openCases", "legalQualified", "legalQualificationNumber", "trainingHours",
                "trainingRequiredHours", "trainingBelowRequired"));
        officers.forEach(o -> t.row(Arrays.asList(o.officer(), o.name(), o.subject(), o.certificateNumber(),
                o.validTo(), o.status(), o.daysLeft(), o.warning(), o.openCases(), o.legalQualified(),
                o.legalQualification() == null ? null : o.legalQualification().certificateNumber(),
                o.trainingHours(), o.trainingRequiredHours(), o.trainingBelowRequired())));
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
        Officer o = officerInJurisdiction(request, officer);
        LegalQualification q = new LegalQualification(o.id(), body.certificateNumber(), body.obtainedOn(),
                body.revokedOn(), actingAs(request), desk.now());
        desk.qualifications().save(q);
        return SupervisionViews.QualificationView.of(q);
    }

    /** A training an officer completed. */
    public record TrainingBody(@NotBlank @Size(max = 300) String course, @NotNull LocalDate completedOn,
                               @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                               @Digits(integer = 4, fraction = 1) BigDecimal hours) {
    }

    /** Records a training (培训记录) of an officer of the jurisdiction (201). */
    @PostMapping("/workforce/officers/{officer}/trainings")
    public ResponseEntity<TrainingView> recordTraining(@PathVariable String officer,
                                                         @Valid @RequestBody TrainingBody body,
                                                         HttpServletRequest request) {
        Officer o = officerInJurisdiction(request, officer);
        if (body.completedOn().isAfter(desk.today())) {
            throw new DomainValidationException("completedOn", "is in the future");
        }
        TrainingRecord r = new TrainingRecord(UUID.randomUUID().toString(), o.id(), body.course(),
                body.completedOn(), body.hours(), actingAs(request), desk.now());
        desk.trainings().save(r);
        return ResponseEntity.status(HttpStatus.CREATED).body(TrainingView.of(r));
    }

    /** An officer's trainings of a year (default this year) with the hours against the required. */
    @GetMapping("/workforce/officers/{officer}/trainings")
    public TrainingYear trainings(@PathVariable String officer, @RequestParam(required = false) Integer year,
                                  HttpServletRequest request) {
        Officer o = officerInJurisdiction(request, officer);
        int y = year == null ? desk.today().getYear() : year;
        List<TrainingRecord> records = desk.trainings().of(o.id(), y);
        return new TrainingYear(o.id().value(), y, desk.trainingHours().standing(TrainingHours.byOfficer(records)
                .get(o.id())), records.stream().map(TrainingView::of).toList());
    }

    /**
     * An officer's training in a year.
     *
     * @param officer  the officer
     * @param year     the year
     * @param standing hours done, required, below
     * @param records  the trainings
     */
    public record TrainingYear(String officer, int year, TrainingHours.Standing standing,
                               List<TrainingView> records) {
    }

    /** One training as the API shows it. */
    public record TrainingView(String id, String officer, String course, LocalDate completedOn, BigDecimal hours,
                               String recordedBy, java.time.Instant recordedAt) {
        static TrainingView of(TrainingRecord r) {
            return new TrainingView(r.id(), r.officer().value(), r.course(), r.completedOn(), r.hours(),
                    r.recordedBy(), r.recordedAt());
        }
    }

    private Officer officerInJurisdiction(HttpServletRequest request, String officer) {
        SubjectId sup = supervisor(request, null);
        SupervisionRegistry registry = desk.registry();
        return registry.officer(new OfficerId(officer))
                .filter(x -> registry.watches(registry.supervisor(sup), x.subject()))
                .orElseThrow(() -> new NotInJurisdictionException("no officer " + officer + " in your jurisdiction"));
    }

    /** One entry of a subject's inspection-object catalogue to import. */
    public record InspectionObjectBody(@NotBlank @Size(max = 64) String objectId, @NotBlank @Size(max = 300) String name,
                                       @NotBlank @Size(max = 64) String matterCode, @NotNull LocalDate listedOn,
                                       LocalDate delistedOn) {
    }

    /** An import: the entries of one subject's 检查对象名录库. */
    public record InspectionObjectsBody(@NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid InspectionObjectBody> objects) {
    }

    /**
     * Imports entries of the inspection-object catalogue (检查对象名录库) of a subject of the jurisdiction: an entry of
     * the same object and item replaces the kept one, others are added; a bad entry refuses the whole import.
     */
    @PutMapping("/inspection-objects/{subject}")
    public InspectionObjectCatalogue.ImportResult importInspectionObjects(@PathVariable String subject,
                                                                          @Valid @RequestBody InspectionObjectsBody body,
                                                                          HttpServletRequest request) {
        SubjectId s = watchedSubject(request, subject);
        List<InspectionObject> objects = new ArrayList<>();
        for (int i = 0; i < body.objects().size(); i++) {
            InspectionObjectBody o = body.objects().get(i);
            try {
                objects.add(new InspectionObject(s, o.objectId(), o.name(), o.matterCode(), o.listedOn(),
                        o.delistedOn()));
            } catch (DomainValidationException e) {
                throw new DomainValidationException("objects[" + i + "]." + e.field(), e.reason());
            }
        }
        return desk.inspectionObjects().importObjects(s, objects);
    }

    /** The inspection-object catalogue of a subject of the jurisdiction. */
    @GetMapping("/inspection-objects/{subject}")
    public ResponseEntity<?> inspectionObjects(@PathVariable String subject, @RequestParam(required = false) String format,
                                               HttpServletRequest request) {
        List<InspectionObject> objects = desk.inspectionObjects().of(List.of(watchedSubject(request, subject)));
        if (!csv(format)) {
            return ResponseEntity.ok(objects.stream().map(o -> new InspectionObjectBody(o.objectId(), o.name(),
                    o.matterCode(), o.listedOn(), o.delistedOn())).toList());
        }
        CsvTable t = new CsvTable(List.of("objectId", "name", "matterCode", "listedOn", "delistedOn"));
        objects.forEach(o -> t.row(Arrays.asList(o.objectId(), o.name(), o.matterCode(), o.listedOn(),
                o.delistedOn())));
        return t.response("inspection-objects");
    }

    private SubjectId watchedSubject(HttpServletRequest request, String subject) {
        SubjectId sup = supervisor(request, null);
        SupervisionRegistry registry = desk.registry();
        SubjectId s = new SubjectId(subject);
        if (desk.watchedSubjects(registry, sup).stream().noneMatch(x -> x.id().equals(s))) {
            throw new NotInJurisdictionException("no subject " + subject + " in your jurisdiction");
        }
        return s;
    }

    /** Per subject: officers, certified, expiring, open cases and open cases per certified officer. */
    @GetMapping("/workforce/subjects")
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = SupervisionViews.SubjectWorkforceView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
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
    @ApiResponse(responseCode = "200", description = "JSON, or CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    implementation = SupervisionViews.MeasureView.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
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
