package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.supervision.fixtures.ClosedCases;
import cn.gov.shanwei.enforcement.supervision.fixtures.TestDatabase;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.review.jdbc.JdbcReviewRepository;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingPlan;
import cn.gov.shanwei.enforcement.supervision.sampling.StratifiedSampler;
import cn.gov.shanwei.enforcement.supervision.sampling.jdbc.JdbcSamplingRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sampling → assignment → scoring → rectification, kept in the database by the JDBC repositories. */
class ReviewWorkflowTest {

    static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

    final TestDatabase db = new TestDatabase();
    final JdbcReviewRepository reviews = new JdbcReviewRepository(db.jdbc, db.tx,
            Clock.fixed(Instant.parse("2026-04-01T02:00:00Z"), ZoneOffset.UTC));
    final JdbcSamplingRepository draws = new JdbcSamplingRepository(db.jdbc, db.tx);
    final AtomicInteger ids = new AtomicInteger();
    final ReviewService service = new ReviewService(reviews, World.registry(), () -> "R" + ids.incrementAndGet());

    SamplingDraw draw() {
        SamplingDraw d = new StratifiedSampler(World.registry()).draw("D1", new SamplingPlan(CITY_JUSTICE.id(),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 30, 2, "shanwei-2026-q1"),
                ClosedCases.population(), Instant.parse("2026-04-01T02:00:00Z"), "city-justice/王科长");
        draws.save(d);
        return d;
    }

    static Map<String, Integer> fullMarksBut(String item, int points) {
        Map<String, Integer> m = new HashMap<>();
        ReviewTemplate.standard().items().forEach(i -> m.put(i.code(), i.maxPoints()));
        m.put(item, points);
        return m;
    }

    @Test
    @DisplayName("a draw is stored with its seed and algorithm and reads back identical")
    void drawRoundTrip() {
        SamplingDraw d = draw();
        assertThat(draws.find("D1")).contains(d);
        assertThat(draws.bySupervisor(CITY_JUSTICE.id())).containsExactly(d);
        assertThat(draws.bySupervisor(HAIFENG_JUSTICE.id())).isEmpty();
    }

    @Test
    @DisplayName("sampled cases go to reviewers never from the reviewed subject, spread by open reviews")
    void assignment() {
        List<CaseReview> assigned = service.assignDraw(CITY_JUSTICE.id(), draw(), "PENALTY-STANDARD",
                List.of(CHEN.id(), WU.id()), APRIL_1);
        assertThat(assigned).hasSize(5);
        assertThat(assigned).allSatisfy(r -> assertThat(r.reviewerSubject()).isNotEqualTo(r.reviewedSubject()));
        assertThat(assigned).filteredOn(r -> r.reviewedSubject().equals(HAIFENG_MARKET.id()))
                .allSatisfy(r -> assertThat(r.reviewer()).isEqualTo(WU.id()));
        assertThat(assigned).filteredOn(r -> r.reviewedSubject().equals(LUFENG_MARKET.id()))
                .allSatisfy(r -> assertThat(r.reviewer()).isEqualTo(CHEN.id()));
        assertThat(reviews.openReviewsPerReviewer()).containsEntry(WU.id(), 3).containsEntry(CHEN.id(), 2);
        assertThat(assigned.get(0).drawId()).isEqualTo("D1");
    }

    @Test
    @DisplayName("an officer of the reviewed subject is refused as its reviewer (回避), in code and in the schema")
    void conflictOfInterest() {
        assertThatThrownBy(() -> service.assign(CITY_JUSTICE.id(), new CaseNumber("HF-01"), HAIFENG_MARKET.id(),
                "PENALTY-STANDARD", CHEN.id(), APRIL_1)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("回避");
        service.standardTemplate();
        assertThatThrownBy(() -> db.jdbc.getJdbcTemplate().update("INSERT INTO supervision_case_review (id, "
                + "case_number, reviewed_subject, template_code, template_version, reviewer, reviewer_subject, "
                + "assigned_on, status, total_points, version) VALUES ('X', 'HF-01', 'haifeng-market', "
                + "'PENALTY-STANDARD', 1, 'o-chen', 'haifeng-market', DATE '2026-04-01', 'ASSIGNED', 0, 1)"))
                .hasMessageContaining("CONSTRAINT");
    }

    @Test
    @DisplayName("scored, rectification requested, a first report rejected, the second accepted: all persisted")
    void scoreAndRectify() {
        CaseReview r = service.assign(CITY_JUSTICE.id(), new CaseNumber("HF-01"), HAIFENG_MARKET.id(),
                "PENALTY-STANDARD", WU.id(), APRIL_1);
        CaseReview scored = service.score(CITY_JUSTICE.id(), r.id(), fullMarksBut("EVIDENCE-2", 1),
                List.of(new Finding("EVIDENCE-2", "现场照片无完整性校验值")), LocalDate.of(2026, 4, 3));
        assertThat(scored.totalPoints()).isEqualTo(96);
        service.requestRectification(CITY_JUSTICE.id(), r.id(), "补充电子证据校验记录", LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 17));
        service.submitRectification(CITY_JUSTICE.id(), r.id(), "已补充", LocalDate.of(2026, 4, 10));
        service.verifyRectification(CITY_JUSTICE.id(), r.id(), false, "校验值仍缺失", LocalDate.of(2026, 4, 11));
        assertThat(service.get(CITY_JUSTICE.id(), r.id()).isRectificationOverdue(LocalDate.of(2026, 4, 18))).isTrue();
        service.submitRectification(CITY_JUSTICE.id(), r.id(), "已补充 SM3 校验值", LocalDate.of(2026, 4, 15));
        service.verifyRectification(CITY_JUSTICE.id(), r.id(), true, "整改到位", LocalDate.of(2026, 4, 16));

        CaseReview stored = service.get(CITY_JUSTICE.id(), r.id());
        assertThat(stored.status()).isEqualTo(ReviewStatus.CLOSED);
        assertThat(stored.scores()).hasSize(11).containsEntry("EVIDENCE-2", 1);
        assertThat(stored.findings()).containsExactly(new Finding("EVIDENCE-2", "现场照片无完整性校验值"));
        assertThat(stored.response()).isEqualTo("已补充 SM3 校验值");
        assertThat(stored.closedOn()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(stored.version()).isEqualTo(7);
        assertThat(service.scores(CITY_JUSTICE.id())).singleElement()
                .satisfies(s -> assertThat(s.points()).isEqualTo(96));
    }

    @Test
    @DisplayName("bad scores, out-of-order steps and stale saves are refused")
    void refusals() {
        CaseReview r = service.assign(CITY_JUSTICE.id(), new CaseNumber("HF-01"), HAIFENG_MARKET.id(),
                "PENALTY-STANDARD", WU.id(), APRIL_1);
        assertThatThrownBy(() -> service.score(CITY_JUSTICE.id(), r.id(), fullMarksBut("FACTS-1", 16), List.of(),
                APRIL_1)).isInstanceOf(DomainValidationException.class).hasMessageContaining("0 to 15");
        Map<String, Integer> missing = fullMarksBut("FACTS-1", 15);
        missing.remove("LAW-1");
        assertThatThrownBy(() -> service.score(CITY_JUSTICE.id(), r.id(), missing, List.of(), APRIL_1))
                .hasMessageContaining("LAW-1 is not scored");
        assertThatThrownBy(() -> service.close(CITY_JUSTICE.id(), r.id(), APRIL_1))
                .isInstanceOf(ReviewStateException.class);
        CaseReview scored = r.score(ReviewTemplate.standard(), fullMarksBut("LAW-1", 10), List.of(), APRIL_1);
        reviews.save(scored);
        assertThatThrownBy(() -> reviews.save(scored)).as("the same step saved twice")
                .isInstanceOf(ReviewStateException.class).hasMessageContaining("changed meanwhile");
    }

    @Test
    @DisplayName("a county justice bureau cannot see another county's reviews")
    void jurisdiction() {
        CaseReview r = service.assign(CITY_JUSTICE.id(), new CaseNumber("LF-01"), LUFENG_MARKET.id(),
                "PENALTY-STANDARD", CHEN.id(), APRIL_1);
        assertThatThrownBy(() -> service.get(HAIFENG_JUSTICE.id(), r.id())).isInstanceOf(ReviewNotFoundException.class);
        assertThat(service.reviews(HAIFENG_JUSTICE.id())).isEmpty();
        assertThatThrownBy(() -> service.assign(HAIFENG_JUSTICE.id(), new CaseNumber("LF-02"), LUFENG_MARKET.id(),
                "PENALTY-STANDARD", CHEN.id(), APRIL_1)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("outside the jurisdiction");
    }

    @Test
    @DisplayName("editing a template makes a new version; reviews keep scoring against theirs")
    void templateVersions() {
        CaseReview r = service.assign(CITY_JUSTICE.id(), new CaseNumber("HF-01"), HAIFENG_MARKET.id(),
                "PENALTY-STANDARD", WU.id(), APRIL_1);
        List<ChecklistItem> items = new java.util.ArrayList<>(ReviewTemplate.standard().items());
        items.add(new ChecklistItem("PUBLICITY-1", "公示", "双公示在 7 个工作日内完成", 5));
        ReviewTemplate v2 = service.editTemplate("PENALTY-STANDARD", "行政处罚案卷评查标准 (2026 修订)", items);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.totalPoints()).isEqualTo(105);
        assertThat(reviews.latestTemplate("PENALTY-STANDARD")).contains(v2);
        assertThat(reviews.template("PENALTY-STANDARD", 1)).contains(ReviewTemplate.standard());
        assertThat(service.score(CITY_JUSTICE.id(), r.id(), fullMarksBut("LAW-1", 10), List.of(), APRIL_1)
                .totalPoints()).isEqualTo(100);
        assertThatThrownBy(() -> reviews.saveTemplate(v2)).isInstanceOf(ReviewStateException.class);
        assertThat(service.templates()).containsExactly(v2);
    }
}
