package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.supervision.indicator.Indicator;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorRow;
import cn.gov.shanwei.enforcement.supervision.indicator.Measure;
import cn.gov.shanwei.enforcement.supervision.indicator.ScopeLevel;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertKind;
import cn.gov.shanwei.enforcement.supervision.monitoring.LiveCaseStatus;
import cn.gov.shanwei.enforcement.supervision.monitoring.LiveMeasureStatus;
import cn.gov.shanwei.enforcement.supervision.review.CaseReview;
import cn.gov.shanwei.enforcement.supervision.review.Finding;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualification;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingHours;
import cn.gov.shanwei.enforcement.supervision.workforce.OfficerStatus;
import cn.gov.shanwei.enforcement.supervision.workforce.SubjectWorkforce;

import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The JSON shapes of the supervision API, and their CSV tables (one column per field, same order). */
final class SupervisionViews {

    private SupervisionViews() {
    }

    /** A running deadline. */
    record DeadlineView(String rule, String label, String article, LocalDate dueOn, DeadlineState state,
                        boolean provisional, boolean paused) {
        static DeadlineView of(Deadline d, LocalDate asOf) {
            return new DeadlineView(d.rule(), d.label(), d.article(), d.dueOn(), d.stateOn(asOf), d.provisional(),
                    d.paused());
        }
    }

    /** An open case's live status. */
    record CaseStatusView(String caseNumber, String subject, String subjectName, String county, String countyName,
                          String matter, String party, String stage, boolean suspended, LocalDate filedOn,
                          long fineFen, DeadlineState state, LocalDate nextDue, List<DeadlineView> deadlines) {
        static CaseStatusView of(LiveCaseStatus s, LocalDate asOf) {
            return new CaseStatusView(s.number().value(), s.subject().value(), s.subjectName(), s.county().code(),
                    s.county().name(), s.matterName(), s.partyName(), s.stage().name(), s.suspended(), s.filedOn(),
                    s.fineFen(), s.state(), s.nextDue(), s.deadlines().stream().map(d -> DeadlineView.of(d, asOf))
                    .toList());
        }
    }

    static CsvTable casesCsv(List<CaseStatusView> cases) {
        CsvTable t = new CsvTable(List.of("caseNumber", "subject", "subjectName", "county", "countyName", "matter",
                "party", "stage", "suspended", "filedOn", "fineFen", "state", "nextDue", "deadlines"));
        for (CaseStatusView c : cases) {
            t.row(Arrays.asList(c.caseNumber(), c.subject(), c.subjectName(), c.county(), c.countyName(),
                    c.matter(), c.party(), c.stage(), c.suspended(), c.filedOn(), c.fineFen(), c.state(), c.nextDue(),
                    String.join("; ", c.deadlines().stream().map(d -> d.rule() + " " + d.dueOn() + " " + d.state()
                            + " (" + d.article() + ")").toList())));
        }
        return t;
    }

    /** An alert. */
    record AlertView(String id, String kind, String severity, String caseNumber, String subject, String message,
                     String rule, String article, LocalDate raisedOn) {
        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.kind().name(), a.severity().name(), a.caseNumber().value(),
                    a.subject().value(), a.message(), a.rule(), a.article(), a.raisedOn());
        }
    }

    /** Each alert kind in a supervisor's words (the console's labels). */
    static Map<String, String> alertKindNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (AlertKind k : AlertKind.values()) {
            names.put(k.name(), switch (k) {
                case DEADLINE_DUE_SOON -> "期限临近";
                case DEADLINE_OVERDUE -> "办案超期";
                case FINE_OUTSIDE_BAND -> "罚款超出裁量基准";
                case LATE_PUBLICATION -> "公示超期";
                case CLOSED_WITHOUT_PAYMENT -> "结案未缴款未申请强制执行";
                case REPEATED_PARTY -> "同一当事人多次被处罚";
                case CERTIFICATE_EXPIRING -> "执法证到期";
                case UNQUALIFIED_LEGAL_REVIEW -> "法制审核人员无法律职业资格";
                case COERCIVE_MEASURE_DUE_SOON -> "强制措施期限临近";
                case COERCIVE_MEASURE_OVERDUE -> "强制措施超期";
            });
        }
        return names;
    }

    /** Each severity in a supervisor's words. */
    static Map<String, String> severityNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (AlertKind.Severity s : AlertKind.Severity.values()) {
            names.put(s.name(), switch (s) {
                case SEVERE -> "严重";
                case WARNING -> "警示";
                case INFO -> "提示";
            });
        }
        return names;
    }

    static CsvTable alertsCsv(List<AlertView> alerts) {
        CsvTable t = new CsvTable(List.of("id", "kind", "severity", "caseNumber", "subject", "message", "rule",
                "article", "raisedOn"));
        alerts.forEach(a -> t.row(Arrays.asList(a.id(), a.kind(), a.severity(), a.caseNumber(),
                a.subject(), a.message(), a.rule(), a.article(), a.raisedOn())));
        return t;
    }

    /** One case of the drill-down: its status and its alerts. */
    record CaseDetailView(CaseStatusView status, List<AlertView> alerts) {
    }

    /** One scope's month of indicators: the measures and the indicators computed from them. */
    record IndicatorRowView(ScopeLevel level, String code, String name, String parentCode, String month,
                            Map<String, Long> measures, Map<String, Double> indicators) {
        static IndicatorRowView of(IndicatorRow r) {
            Map<String, Long> m = new LinkedHashMap<>();
            r.counts().asMap().forEach((k, v) -> m.put(k.name(), v));
            Map<String, Double> i = new LinkedHashMap<>();
            for (Indicator ind : Indicator.values()) {
                i.put(ind.name(), r.value(ind));
            }
            return new IndicatorRowView(r.level(), r.code(), r.name(), r.parentCode(), r.month().toString(), m,
                    i);
        }
    }

    static CsvTable indicatorsCsv(List<IndicatorRowView> rows) {
        List<String> header = new ArrayList<>(List.of("level", "code", "name", "parentCode", "month"));
        for (Measure m : Measure.values()) {
            header.add(m.name());
        }
        for (Indicator i : Indicator.values()) {
            header.add(i.name());
        }
        CsvTable t = new CsvTable(header);
        for (IndicatorRowView r : rows) {
            List<Object> cells = new ArrayList<>(Arrays.asList(r.level(), r.code(), r.name(), r.parentCode(),
                    r.month()));
            cells.addAll(r.measures().values());
            cells.addAll(r.indicators().values());
            t.row(cells);
        }
        return t;
    }

    /** A sampling draw. */
    record DrawView(String id, String supervisor, LocalDate closedFrom, LocalDate closedTo, int ratePercent,
                    int minimumPerStratum, String seed, String algorithm, Instant drawnAt, String drawnBy,
                    List<StratumView> strata) {
        static DrawView of(SamplingDraw d) {
            return new DrawView(d.id(), d.plan().supervisor().value(), d.plan().closedFrom(), d.plan().closedTo(),
                    d.plan().ratePercent(), d.plan().minimumPerStratum(), d.plan().seed(), d.algorithm(), d.drawnAt(),
                    d.drawnBy(), d.strata().stream().map(s -> new StratumView(s.subject().value(),
                    s.populationSize(), s.populationDigest(), s.selected().stream().map(CaseNumber::value).toList()))
                    .toList());
        }
    }

    /** One stratum of a draw. */
    record StratumView(String subject, int populationSize, String populationDigest, List<String> selected) {
    }

    static CsvTable drawsCsv(List<DrawView> draws) {
        CsvTable t = new CsvTable(List.of("drawId", "supervisor", "closedFrom", "closedTo", "ratePercent",
                "minimumPerStratum", "seed", "drawnAt", "drawnBy", "subject", "populationSize", "populationDigest",
                "rank", "caseNumber"));
        for (DrawView d : draws) {
            for (StratumView s : d.strata()) {
                for (int i = 0; i < s.selected().size(); i++) {
                    t.row(Arrays.asList(d.id(), d.supervisor(), d.closedFrom(), d.closedTo(),
                            d.ratePercent(), d.minimumPerStratum(), d.seed(), d.drawnAt(), d.drawnBy(), s.subject(),
                            s.populationSize(), s.populationDigest(), i + 1, s.selected().get(i)));
                }
            }
        }
        return t;
    }

    /** A case-file review. */
    record ReviewView(String id, String caseNumber, String reviewedSubject, String templateCode, int templateVersion,
                      String reviewer, String reviewerSubject, LocalDate assignedOn, String drawId, String status,
                      Map<String, Integer> scores, int totalPoints, List<Finding> findings, LocalDate scoredOn,
                      String rectification, LocalDate rectifyBy, String response, LocalDate respondedOn,
                      String verificationNote, LocalDate closedOn, boolean rectificationOverdue, int version) {
        static ReviewView of(CaseReview r, LocalDate today) {
            return new ReviewView(r.id(), r.caseNumber().value(), r.reviewedSubject().value(), r.templateCode(),
                    r.templateVersion(), r.reviewer().value(), r.reviewerSubject().value(), r.assignedOn(), r.drawId(),
                    r.status().name(), new TreeMap<>(r.scores()), r.totalPoints(), r.findings(),
                    r.scoredOn(), r.rectification(), r.rectifyBy(), r.response(), r.respondedOn(),
                    r.verificationNote(), r.closedOn(), r.isRectificationOverdue(today), r.version());
        }
    }

    static CsvTable reviewsCsv(List<ReviewView> reviews) {
        CsvTable t = new CsvTable(List.of("id", "caseNumber", "reviewedSubject", "templateCode", "templateVersion",
                "reviewer", "reviewerSubject", "assignedOn", "drawId", "status", "totalPoints", "findings",
                "scoredOn", "rectification", "rectifyBy", "respondedOn", "closedOn", "rectificationOverdue"));
        reviews.forEach(r -> t.row(Arrays.asList(r.id(), r.caseNumber(), r.reviewedSubject(),
                r.templateCode(), r.templateVersion(), r.reviewer(), r.reviewerSubject(), r.assignedOn(), r.drawId(),
                r.status(), r.totalPoints(), String.join("; ", r.findings().stream()
                        .map(f -> f.itemCode() + ": " + f.text()).toList()), r.scoredOn(), r.rectification(),
                r.rectifyBy(), r.respondedOn(), r.closedOn(), r.rectificationOverdue())));
        return t;
    }

    /** An officer's certificate and workload. */
    record OfficerView(String officer, String name, String subject, String certificateNumber, LocalDate validTo,
                       String status, long daysLeft, String warning, int openCases, boolean legalQualified,
                       QualificationView legalQualification, BigDecimal trainingHours,
                       BigDecimal trainingRequiredHours, boolean trainingBelowRequired) {
        static OfficerView of(OfficerStatus o, Optional<LegalQualification> q, LocalDate asOf,
                              TrainingHours.Standing training) {
            return new OfficerView(o.id().value(), o.name(), o.subject().value(), o.certificateNumber(), o.validTo(),
                    o.status().name(), o.daysLeft(), o.warning().name(), o.openCases(),
                    q.map(x -> x.heldOn(asOf)).orElse(false), q.map(QualificationView::of).orElse(null),
                    training.hours(), training.required(), training.below());
        }
    }

    /** A legal qualification (法律职业资格) on record. */
    record QualificationView(String officer, String certificateNumber, LocalDate obtainedOn, LocalDate revokedOn,
                             String recordedBy, Instant recordedAt) {
        static QualificationView of(LegalQualification q) {
            return new QualificationView(q.officer().value(), q.certificateNumber(), q.obtainedOn(), q.revokedOn(),
                    q.recordedBy(), q.recordedAt());
        }
    }

    /** A subject's workforce figures. */
    record SubjectWorkforceView(String subject, String name, int officers, int certified, int expiring, int openCases,
                                Double openPerCertified) {
        static SubjectWorkforceView of(SubjectWorkforce s) {
            return new SubjectWorkforceView(s.subject().value(), s.name(), s.officers(), s.certified(), s.expiring(),
                    s.openCases(), s.openPerCertified());
        }
    }

    /** A coercive measure in force. */
    record MeasureView(String caseNumber, String subject, String kind, String stage, LocalDate imposedOn,
                       int extensionDays, DeadlineState state, List<DeadlineView> deadlines) {
        static MeasureView of(LiveMeasureStatus m, LocalDate asOf) {
            return new MeasureView(m.number().value(), m.subject().value(), m.kind().name(), m.stage().name(),
                    m.imposedOn(), m.extensionDays(), m.state(), m.deadlines().stream()
                    .map(d -> DeadlineView.of(d, asOf)).toList());
        }
    }
}
