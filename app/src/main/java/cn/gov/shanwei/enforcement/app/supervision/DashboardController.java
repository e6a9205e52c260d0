package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.AlertView;
import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.CaseStatusView;
import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.IndicatorRowView;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorRow;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorTable;
import cn.gov.shanwei.enforcement.supervision.indicator.ScopeLevel;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertKind;
import cn.gov.shanwei.enforcement.supervision.monitoring.CaseSupervision;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervision console's pages, server-rendered behind the same staff check as the API (ADR 0704: a signed-on
 * supervisor, the page relayed by the console back end with the officer's token), so a page carries only what the
 * supervisor may see: the dashboard (监督驾驶舱: bars by county, trends by month, and drill-down city → county →
 * subject → case, drawn by ECharts) and the alert console (预警台: alerts listed, new ones pushed live).
 */
@Controller
@RequestMapping("/api/v1/supervision")
public class DashboardController extends SupervisionEndpoint {

    /** The months shown when none are asked for. */
    static final int DEFAULT_MONTHS = 12;

    /** The most urgent open cases the dashboard lists per scope (all of them are in the CSV of /cases). */
    static final int CASES_SHOWN = 100;

    /** At most this many standing alerts are rendered on the alert console. */
    static final int MAX_LISTED = 500;

    private final SupervisionDesk desk;
    private final ObjectMapper json;

    public DashboardController(SupervisionDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    /** The dashboard of {@code supervisor} for the months {@code from..to} (default: the last 12). */
    @GetMapping(path = "/dashboard", produces = "text/html")
    public String dashboard(@RequestParam(required = false) String supervisor, @RequestParam(required = false) YearMonth from,
                            @RequestParam(required = false) YearMonth to,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            Model model, HttpServletRequest request) throws JsonProcessingException {
        SubjectId id = supervisor(request, supervisor);
        LocalDate day = asOf == null ? desk.today() : asOf;
        YearMonth last = to == null ? defaultPeriod(day)[1] : to;
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : from;
        if (last.isBefore(first) || first.plusMonths(SupervisionController.MAX_MONTHS - 1).isBefore(last)) {
            throw new DomainValidationException("from", "the period must run forwards and span at most "
                    + SupervisionController.MAX_MONTHS + " months");
        }
        desk.refresh();
        SupervisionRegistry registry = desk.registry();
        EnforcementSubject sup = registry.supervisor(id);
        IndicatorTable table = desk.indicators(registry, id, first, last, day);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supervisor", Map.of("id", sup.id().value(), "name", sup.name()));
        data.put("from", first.toString());
        data.put("to", last.toString());
        data.put("asOf", day.toString());
        data.put("city", rows(table.rows(ScopeLevel.CITY)));
        data.put("counties", rows(table.totalsOver(table.rows(ScopeLevel.COUNTY))));
        data.put("subjects", rows(table.totalsOver(table.rows(ScopeLevel.SUBJECT))));
        // the most urgent open cases of the whole jurisdiction; a drill-down asks /cases for its county or subject
        CaseSupervision.OpenCases open = desk.openCases(registry, id, day, subject -> true, CASES_SHOWN);
        data.put("cases", open.cases().stream().map(c -> CaseStatusView.of(c, day)).toList());
        data.put("openCases", Map.of("total", open.total(), "byState", open.byState()));
        data.put("casesShown", CASES_SHOWN);
        data.put("casesUrl", request.getContextPath() + "/api/v1/supervision/cases");
        model.addAttribute("supervisorName", sup.name());
        model.addAttribute("period", first + " – " + last);
        model.addAttribute("asOf", day.toString());
        model.addAttribute("data", json.writeValueAsString(data));
        return "supervision/dashboard";
    }

    /** The months the dashboard shows when none are asked for: the {@value #DEFAULT_MONTHS} up to {@code day}'s. */
    static YearMonth[] defaultPeriod(LocalDate day) {
        YearMonth last = YearMonth.from(day);
        return new YearMonth[] {last.minusMonths(DEFAULT_MONTHS - 1), last};
    }

    private static List<IndicatorRowView> rows(List<IndicatorRow> rows) {
        return rows.stream().map(IndicatorRowView::of).toList();
    }

    /**
     * The alert console (预警台) of the signed-on supervisor: the alerts standing today, listed most severe first (at
     * most {@value #MAX_LISTED}; the CSV export has them all), and a small script that adds each new alert as the
     * alert stream pushes it ({@code alerts/stream?standing=false}), without a reload.
     */
    @GetMapping(path = "/alerts/console", produces = "text/html")
    public String console(@RequestParam(required = false) String supervisor, Model model, HttpServletRequest request)
            throws JsonProcessingException {
        SubjectId id = supervisor(request, supervisor);
        LocalDate today = desk.today();
        List<Alert> standing = desk.alerts(id, today);
        SupervisionRegistry registry = desk.registry();
        EnforcementSubject sup = registry.supervisor(id);
        Map<String, String> subjects = new LinkedHashMap<>();
        desk.watchedSubjects(registry, id).forEach(s -> subjects.put(s.id().value(), s.name()));
        Map<AlertKind.Severity, Long> bySeverity = new EnumMap<>(AlertKind.Severity.class);
        standing.forEach(a -> bySeverity.merge(a.severity(), 1L, Long::sum));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("stream", request.getContextPath() + "/api/v1/supervision/alerts/stream?standing=false");
        page.put("kinds", SupervisionViews.alertKindNames());
        page.put("severities", SupervisionViews.severityNames());
        page.put("subjects", subjects);
        model.addAttribute("supervisorName", sup.name());
        model.addAttribute("asOf", today.toString());
        model.addAttribute("total", standing.size());
        model.addAttribute("severe", bySeverity.getOrDefault(AlertKind.Severity.SEVERE, 0L));
        model.addAttribute("alerts", standing.stream().limit(MAX_LISTED).map(AlertView::of).toList());
        model.addAttribute("kindNames", SupervisionViews.alertKindNames());
        model.addAttribute("severityNames", SupervisionViews.severityNames());
        model.addAttribute("subjectNames", subjects);
        model.addAttribute("maxListed", MAX_LISTED);
        model.addAttribute("console", json.writeValueAsString(page));
        return "supervision/alerts";
    }
}
