package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.common.Money;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.indicator.Indicator;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorCounts;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorRow;
import cn.gov.shanwei.enforcement.supervision.indicator.IndicatorTable;
import cn.gov.shanwei.enforcement.supervision.indicator.Measure;
import cn.gov.shanwei.enforcement.supervision.indicator.ScopeLevel;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertKind;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.AFloat;
import org.ofdrw.layout.element.Paragraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The monthly progress report to the justice bureau (监督月报, seed task 13: due by the 20th of the next month): the
 * indicators of one month for a supervisor's jurisdiction, per subject, the standing alerts, and the case numbers
 * behind the filed and closed counts so each figure can be traced to cases. Laid out as OFD (GB/T 33190) with ofdrw,
 * in Chinese, the way {@code adapters.seal.DecisionOfdWriter} writes decisions.
 *
 * @param supervisor the supervising body
 * @param month      the month reported
 * @param asOf       the day the figures were computed on
 * @param table      the indicators of that month (city, county and subject rows)
 * @param subjects   the subjects watched
 * @param cases      every case of the read model (filtered here by subject and month)
 * @param alerts     the alerts standing on {@code asOf}
 */
public record MonthlyReport(EnforcementSubject supervisor, YearMonth month, LocalDate asOf, IndicatorTable table,
                            List<EnforcementSubject> subjects, Collection<CaseFacts> cases, List<Alert> alerts) {

    /** The OFD media type. */
    public static final String MEDIA_TYPE = "application/ofd";

    private static final Set<Measure> MONEY = EnumSet.of(Measure.FINE_FEN, Measure.PAID_FEN);

    /** One line of the report: its text, font size in millimetres and whether it is centred. */
    public record Line(String text, double size, boolean centred) {
    }

    /** The report's lines, in order. */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(supervisor.name(), 6d, true));
        lines.add(new Line("行政执法监督月度报告", 7d, true));
        lines.add(new Line("（" + month.getYear() + "年" + month.getMonthValue() + "月）", 4.2, true));
        lines.add(text("统计范围：" + supervisor.name() + "监督的执法主体 " + subjects.size() + " 个；数据截至 " + asOf
                + "；指标口径见《量化监督指标》（docs/indicators.md）。"));

        List<IndicatorRow> subjectRows = table.rows(ScopeLevel.SUBJECT).stream()
                .filter(r -> r.month().equals(month))
                .sorted(Comparator.comparing((IndicatorRow r) -> String.valueOf(r.parentCode()))
                        .thenComparing(IndicatorRow::code))
                .toList();
        IndicatorCounts total = subjectRows.stream().map(IndicatorRow::counts)
                .reduce(IndicatorCounts.zero(), IndicatorCounts::plus);
        lines.add(heading("一、总体情况"));
        for (Measure m : Measure.values()) {
            lines.add(text(m.label() + "：" + measure(m, total.get(m))));
        }
        for (Indicator i : Indicator.values()) {
            lines.add(text(i.label() + "：" + indicator(i, total.value(i)) + "（" + i.formula() + "）"));
        }

        lines.add(heading("二、各执法主体情况"));
        for (IndicatorRow r : subjectRows) {
            lines.add(text(r.name() + "（" + r.code() + "）：立案 " + r.counts().get(Measure.FILED) + " 件，结案 "
                    + r.counts().get(Measure.CLOSED) + " 件，" + Indicator.CLOSURE_RATE.label() + " "
                    + indicator(Indicator.CLOSURE_RATE, r.value(Indicator.CLOSURE_RATE)) + "，"
                    + Indicator.OVERDUE_RATE.label() + " " + indicator(Indicator.OVERDUE_RATE,
                    r.value(Indicator.OVERDUE_RATE)) + "，" + Indicator.LEGAL_REVIEW_RATE.label() + " "
                    + indicator(Indicator.LEGAL_REVIEW_RATE, r.value(Indicator.LEGAL_REVIEW_RATE)) + "，"
                    + Indicator.PUBLICATION_TIMELINESS.label() + " " + indicator(Indicator.PUBLICATION_TIMELINESS,
                    r.value(Indicator.PUBLICATION_TIMELINESS)) + "，罚款 "
                    + Money.yuan(r.counts().get(Measure.FINE_FEN)) + "。"));
        }

        lines.add(heading("三、预警情况（截至 " + asOf + "）"));
        Map<AlertKind, List<Alert>> byKind = new TreeMap<>(alerts.stream()
                .collect(Collectors.groupingBy(Alert::kind)));
        if (byKind.isEmpty()) {
            lines.add(text("无。"));
        }
        byKind.forEach((kind, list) -> lines.add(text(kind.name() + "（" + kind.severity() + "）" + list.size()
                + " 条：" + list.stream().map(a -> a.caseNumber().value()).distinct().sorted()
                .collect(Collectors.joining("、")))));

        lines.add(heading("四、案件清单（数据可追溯至案件）"));
        Map<String, String> names = new LinkedHashMap<>();
        subjectRows.forEach(r -> names.put(r.code(), r.name()));
        names.forEach((code, name) -> {
            List<String> filed = numbers(code, c -> c.filedOn() != null && YearMonth.from(c.filedOn()).equals(month));
            List<String> closed = numbers(code, c -> c.closedOn() != null
                    && YearMonth.from(c.closedOn()).equals(month));
            if (!filed.isEmpty() || !closed.isEmpty()) {
                lines.add(text(name + "：当月立案 " + listed(filed) + "；当月结案 " + listed(closed) + "。"));
            }
        });
        lines.add(new Line(supervisor.name(), 4.2, false));
        lines.add(new Line(asOf.getYear() + "年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日", 4.2,
                false));
        return lines;
    }

    /** The report as OFD bytes. */
    public byte[] ofd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc ofd = new OFDDoc(out)) {
            List<Line> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                Paragraph p = new Paragraph(line.text(), line.size());
                p.setMargin(1.5d);
                if (line.centred()) {
                    p.setFloat(AFloat.center);
                } else if (i >= lines.size() - 2) {
                    p.setFloat(AFloat.right);
                }
                ofd.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the monthly report as OFD", e);
        }
        return out.toByteArray();
    }

    private List<String> numbers(String subject, Predicate<CaseFacts> inMonth) {
        return cases.stream().filter(c -> c.subject().value().equals(subject)).filter(inMonth)
                .map(c -> c.number().value()).sorted().toList();
    }

    private static String listed(List<String> numbers) {
        return numbers.isEmpty() ? "无" : numbers.size() + " 件（" + String.join("、", numbers) + "）";
    }

    private static String measure(Measure m, long value) {
        return MONEY.contains(m) ? Money.yuan(value) : Long.toString(value);
    }

    private static String indicator(Indicator i, Double value) {
        if (value == null) {
            return "—";
        }
        return i.isRate() ? String.format(Locale.ROOT, "%.1f%%", value * 100)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static Line heading(String text) {
        return new Line(text, 5d, false);
    }

    private static Line text(String text) {
        return new Line(text, 4.2, false);
    }
}
