package cn.gov.shanwei.enforcement.supervision.indicator;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.fixtures.InspectionStories;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseDeadlines;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter.AS_OF;
import static cn.gov.shanwei.enforcement.supervision.indicator.Measure.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every indicator on six hand-checked cases (see {@link SpringQuarter} for their stories). */
class IndicatorCalculatorTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);

    final CaseReadModel model = SpringQuarter.model();
    final CaseDeadlines clock = SpringQuarter.deadlines(model);
    final InspectionReadModel inspections = inspections();
    final IndicatorTable table = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES).compute(
            model.all(), (c, day) -> clock.stateOf(c.number(), day),
            List.of(new ReviewScore(new CaseNumber("HF-A"), World.HAIFENG_MARKET.id(), LocalDate.of(2026, 4, 20), 85),
                    new ReviewScore(new CaseNumber("HF-B"), World.HAIFENG_MARKET.id(), LocalDate.of(2026, 4, 22), 95)),
            inspections.all(), World.enforcingSubjects(), MARCH, APRIL, AS_OF);

    /** 海丰 inspects on 04-02 and at 23:30 China time on 03-31 (15:30 UTC); 陆丰 plans one it never carries out. */
    static InspectionReadModel inspections() {
        InspectionReadModel m = new InspectionReadModel();
        m.apply(InspectionStories.planned("HF-I1", World.HAIFENG_MARKET, "2026-04-01"));
        m.apply(InspectionStories.carriedOut("HF-I1", Instant.parse("2026-04-02T02:00:00Z")));
        m.apply(InspectionStories.planned("HF-I2", World.HAIFENG_MARKET, "2026-03-31"));
        m.apply(InspectionStories.carriedOut("HF-I2", Instant.parse("2026-03-31T15:30:00Z")));
        m.apply(InspectionStories.planned("LF-I3", World.LUFENG_MARKET, "2026-04-10"));
        return m;
    }

    @Test
    @DisplayName("inspections count in the month (China time) they were carried out; a planned one does not count")
    void inspectionsDone() {
        assertThat(subject("haifeng-market", MARCH).get(INSPECTIONS_DONE)).isEqualTo(1);
        assertThat(subject("haifeng-market", APRIL).get(INSPECTIONS_DONE)).isEqualTo(1);
        assertThat(subject("lufeng-market", APRIL).get(INSPECTIONS_DONE)).isZero();
        assertThat(table.row(ScopeLevel.CITY, "441500", APRIL).orElseThrow().counts().get(INSPECTIONS_DONE))
                .isEqualTo(1);
        assertThatThrownBy(() -> new InspectionReadModel().apply(InspectionStories.carriedOut("X", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("inspection coverage: catalogue entries listed in the month, inspected for their item that month")
    void inspectionCoverage() {
        String food = World.FOOD_LICENCE_V1.code().value();
        SubjectId hf = World.HAIFENG_MARKET.id();
        List<InspectionObject> catalogue = List.of(
                new InspectionObject(hf, World.SHOP.idNumber(), World.SHOP.name(), food, LocalDate.of(2026, 1, 1), null),
                new InspectionObject(hf, World.SHOP.idNumber(), World.SHOP.name(), "OTHER-ITEM",
                        LocalDate.of(2026, 1, 1), null),
                new InspectionObject(hf, "91441521MA0000009Z", "另一食品店", food, LocalDate.of(2026, 1, 1), null),
                new InspectionObject(hf, "91441521MA0000008Z", "已注销食品店", food, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 1)),
                new InspectionObject(World.LUFENG_MARKET.id(), World.DINER.idNumber(), World.DINER.name(), food,
                        LocalDate.of(2026, 4, 15), null));
        IndicatorTable t = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES).compute(
                model.all(), (c, day) -> clock.stateOf(c.number(), day), List.of(), inspections.all(), catalogue,
                World.enforcingSubjects(), MARCH, APRIL, AS_OF);

        IndicatorCounts hfMarch = t.row(ScopeLevel.SUBJECT, "haifeng-market", MARCH).orElseThrow().counts();
        IndicatorCounts hfApril = t.row(ScopeLevel.SUBJECT, "haifeng-market", APRIL).orElseThrow().counts();
        assertThat(hfMarch.get(CATALOGUE_OBJECTS)).isEqualTo(4);       // the delisted one still listed in March
        assertThat(hfMarch.get(OBJECTS_INSPECTED)).isEqualTo(1);       // HF-I2 at 23:30 China time on 03-31
        assertThat(hfApril.get(CATALOGUE_OBJECTS)).isEqualTo(3);
        assertThat(hfApril.get(OBJECTS_INSPECTED)).isEqualTo(1);       // the shop, for the food item only
        assertThat(hfApril.value(Indicator.INSPECTION_COVERAGE)).isEqualTo(1d / 3);
        IndicatorCounts lfApril = t.row(ScopeLevel.SUBJECT, "lufeng-market", APRIL).orElseThrow().counts();
        assertThat(lfApril.value(Indicator.INSPECTION_COVERAGE)).isEqualTo(0d);   // planned, never carried out
        assertThat(t.row(ScopeLevel.SUBJECT, "lufeng-market", MARCH).orElseThrow().counts()
                .value(Indicator.INSPECTION_COVERAGE)).isNull();
        IndicatorCounts city = t.row(ScopeLevel.CITY, "441500", APRIL).orElseThrow().counts();
        assertThat(city.get(CATALOGUE_OBJECTS)).isEqualTo(4);
        assertThat(city.get(OBJECTS_INSPECTED)).isEqualTo(1);
        assertThatThrownBy(() -> new InspectionObject(hf, "x", "x", food, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 1))).isInstanceOf(DomainValidationException.class);
    }

    @Test
    @DisplayName("inspection coverage matches a catalogue identifier typed in lower case or with spaces")
    void coverageMatchesIdentifiersAsWritten() {
        String food = World.FOOD_LICENCE_V1.code().value();
        List<InspectionObject> catalogue = List.of(new InspectionObject(World.HAIFENG_MARKET.id(),
                " " + World.SHOP.idNumber().toLowerCase(java.util.Locale.ROOT) + " ", World.SHOP.name(), food,
                LocalDate.of(2026, 1, 1), null));
        IndicatorTable t = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES).compute(
                model.all(), (c, day) -> clock.stateOf(c.number(), day), List.of(), inspections.all(), catalogue,
                World.enforcingSubjects(), APRIL, APRIL, AS_OF);

        assertThat(World.SHOP.idNumber()).matches(".*[A-Z].*");
        assertThat(t.row(ScopeLevel.SUBJECT, "haifeng-market", APRIL).orElseThrow().counts().get(OBJECTS_INSPECTED))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("every count of the month traces to exactly the cases it counts")
    void figuresTraceToCases() {
        var scores = List.of(new ReviewScore(new CaseNumber("HF-A"), World.HAIFENG_MARKET.id(),
                LocalDate.of(2026, 4, 20), 85));
        var trace = new IndicatorCalculator(World.registry(), World.CALENDAR, World.RULES).trace(model.all(),
                (c, day) -> clock.stateOf(c.number(), day), scores, inspections.all(), World.enforcingSubjects(),
                MARCH, AS_OF);
        java.util.Set<Measure> sums = java.util.EnumSet.of(FINE_FEN, PAID_FEN, HANDLING_DAYS, REVIEW_POINTS);
        for (var subject : World.enforcingSubjects()) {
            IndicatorCounts counts = subject(subject.id().value(), MARCH);
            var traced = trace.get(subject.id().value());
            for (Measure m : Measure.values()) {
                if (!sums.contains(m) && m != CATALOGUE_OBJECTS && m != OBJECTS_INSPECTED) {
                    assertThat(traced.getOrDefault(m, List.of())).as("%s %s", subject.id(), m)
                            .hasSize((int) counts.get(m)).doesNotHaveDuplicates();
                }
            }
        }
        assertThat(trace.get("haifeng-market").get(FILED)).isNotEmpty()
                .allSatisfy(n -> assertThat(model.all()).anyMatch(c -> c.number().value().equals(n)
                        && YearMonth.from(c.filedOn()).equals(MARCH)));
        assertThat(trace.get("haifeng-market").get(INSPECTIONS_DONE)).containsExactly("HF-I2");
    }

    IndicatorCounts subject(String id, YearMonth m) {
        return table.row(ScopeLevel.SUBJECT, id, m).orElseThrow().counts();
    }

    @Test
    @DisplayName("海丰县市场监督管理局 in March: two filed and closed by now, one published late, one fine part-paid")
    void haifengMarch() {
        IndicatorCounts c = subject("haifeng-market", MARCH);
        assertThat(c.get(FILED)).isEqualTo(2);
        assertThat(c.get(CLOSED)).isEqualTo(1);
        assertThat(c.get(FILED_CLOSED)).isEqualTo(2);
        assertThat(c.get(FILED_OPEN)).isZero();
        assertThat(c.get(REVIEW_REQUIRED)).as("only the major case A needs review").isEqualTo(1);
        assertThat(c.get(REVIEW_DONE)).isEqualTo(1);
        assertThat(c.get(PUBLICATION_DUE)).isEqualTo(2);
        assertThat(c.get(PUBLISHED_IN_TIME)).as("B was published on 03-20, one working day late").isEqualTo(1);
        assertThat(c.get(FINES_DECIDED)).isEqualTo(2);
        assertThat(c.get(FINES_PAID)).isEqualTo(1);
        assertThat(c.get(FINE_FEN)).isEqualTo(1_600_000);
        assertThat(c.get(PAID_FEN)).isEqualTo(1_200_000);
        assertThat(c.get(HANDLING_DAYS)).as("A: 03-02 to 03-26").isEqualTo(24);
        assertThat(c.get(HANDLED)).isEqualTo(1);
        assertThat(c.value(Indicator.CLOSURE_RATE)).isEqualTo(1.0);
        assertThat(c.value(Indicator.PUBLICATION_TIMELINESS)).isEqualTo(0.5);
        assertThat(c.value(Indicator.AMOUNT_PAID_RATE)).isEqualTo(0.75);
        assertThat(c.value(Indicator.AVERAGE_HANDLING_DAYS)).isEqualTo(24.0);
        assertThat(c.value(Indicator.OVERDUE_RATE)).as("no open case: nothing to measure").isNull();
    }

    @Test
    @DisplayName("海丰县市场监督管理局 in April: C filed and on time, B closed after 36 days, two reviews averaging 90")
    void haifengApril() {
        IndicatorCounts c = subject("haifeng-market", APRIL);
        assertThat(c.get(FILED)).isEqualTo(1);
        assertThat(c.get(FILED_OPEN)).isEqualTo(1);
        assertThat(c.get(FILED_OPEN_OVERDUE)).isZero();
        assertThat(c.get(CLOSED)).isEqualTo(1);
        assertThat(c.get(HANDLING_DAYS)).isEqualTo(36);
        assertThat(c.value(Indicator.AVERAGE_REVIEW_SCORE)).isEqualTo(90.0);
        assertThat(c.value(Indicator.OVERDUE_RATE)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("陆丰市市场监督管理局 in March: both cases overdue on service, one decided before its legal review")
    void lufengMarch() {
        IndicatorCounts c = subject("lufeng-market", MARCH);
        assertThat(c.get(FILED_OPEN)).isEqualTo(2);
        assertThat(c.get(FILED_OPEN_OVERDUE)).isEqualTo(2);
        assertThat(c.value(Indicator.OVERDUE_RATE)).isEqualTo(1.0);
        assertThat(c.get(REVIEW_REQUIRED)).isEqualTo(1);
        assertThat(c.value(Indicator.LEGAL_REVIEW_RATE)).isEqualTo(0.0);
        assertThat(c.get(PUBLICATION_DUE)).as("D unpublished past 03-19, F published").isEqualTo(2);
        assertThat(c.get(PUBLISHED_IN_TIME)).isEqualTo(1);
        assertThat(c.value(Indicator.PAYMENT_RATE)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("an on-the-spot fine is filed and decided on its day, paid, never due for publication or legal review")
    void summaryCase() {
        IndicatorCounts c = subject("city-market", APRIL);
        assertThat(c.get(FILED)).isEqualTo(1);
        assertThat(c.get(FINES_PAID)).isEqualTo(1);
        assertThat(c.get(PUBLICATION_DUE)).isZero();
        assertThat(c.get(REVIEW_REQUIRED)).isZero();
    }

    @Test
    @DisplayName("the city in March is the sum of its counties: closure 2/4, review 1/2, publication 2/4, paid 12/27")
    void cityMarch() {
        IndicatorCounts city = table.row(ScopeLevel.CITY, "441500", MARCH).orElseThrow().counts();
        assertThat(city.get(FILED)).isEqualTo(4);
        assertThat(city.value(Indicator.CLOSURE_RATE)).isEqualTo(0.5);
        assertThat(city.value(Indicator.OVERDUE_RATE)).isEqualTo(1.0);
        assertThat(city.value(Indicator.LEGAL_REVIEW_RATE)).isEqualTo(0.5);
        assertThat(city.value(Indicator.PUBLICATION_TIMELINESS)).isEqualTo(0.5);
        assertThat(city.value(Indicator.PAYMENT_RATE)).isEqualTo(0.25);
        assertThat(city.value(Indicator.AMOUNT_PAID_RATE)).isCloseTo(12.0 / 27, within(1e-12));
        IndicatorCounts haifeng = table.row(ScopeLevel.COUNTY, "441521", MARCH).orElseThrow().counts();
        IndicatorCounts lufeng = table.row(ScopeLevel.COUNTY, "441581", MARCH).orElseThrow().counts();
        IndicatorCounts shizhi = table.row(ScopeLevel.COUNTY, "441500-SZ", MARCH).orElseThrow().counts();
        assertThat(haifeng.plus(lufeng).plus(shizhi)).isEqualTo(city);
    }

    @Test
    @DisplayName("a town's subject counts under its county; drill-down goes city → county → subject")
    void drillDown() {
        assertThat(table.children("441521").stream().map(IndicatorRow::code).distinct())
                .containsExactly("haicheng", "haifeng-market");
        assertThat(table.children("441500").stream().map(IndicatorRow::code).distinct())
                .containsExactly("441500-SZ", "441521", "441581");
        assertThat(table.totalsOver(table.rows(ScopeLevel.SUBJECT)).stream()
                .filter(r -> r.code().equals("haifeng-market")).findFirst().orElseThrow().counts().get(FILED))
                .isEqualTo(3);
    }

    @Test
    @DisplayName("docs/indicators.md defines every measure and indicator the code computes")
    void documented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "indicators.md"));
        for (Measure m : Measure.values()) {
            assertThat(doc).as("measure %s", m).contains("`" + m.name() + "`");
        }
        for (Indicator i : Indicator.values()) {
            assertThat(doc).as("indicator %s", i).contains("`" + i.name() + "`").contains(i.formula());
        }
    }
}
