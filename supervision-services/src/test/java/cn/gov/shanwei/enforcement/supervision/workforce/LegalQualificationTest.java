package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.TestDatabase;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertKind;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertPolicy;
import cn.gov.shanwei.enforcement.supervision.monitoring.CaseSupervision;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.workforce.jdbc.JdbcLegalQualificationRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter.AS_OF;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.HAIFENG_MARKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Legal reviewers' qualifications (法律职业资格, 行政处罚法 art. 58): kept in the database, checked on every review. */
class LegalQualificationTest {

    static final Instant NOW = Instant.parse("2026-04-01T02:00:00Z");

    final TestDatabase db = new TestDatabase();
    final JdbcLegalQualificationRepository qualifications = new JdbcLegalQualificationRepository(db.jdbc, db.tx);
    final CaseReadModel model = SpringQuarter.model();
    final CaseSupervision supervision = new CaseSupervision(model, SpringQuarter.deadlines(model), World.registry(),
            AlertPolicy.defaults(), qualifications);

    static LegalQualification chen(String obtained, String revoked) {
        return new LegalQualification(new OfficerId("o-chen"), "A20194415000123", LocalDate.parse(obtained),
                revoked == null ? null : LocalDate.parse(revoked), "sup-city", NOW);
    }

    List<Alert> unqualified(CaseStory story) {
        story.events().forEach(model::apply);
        return supervision.alertsOf(story.number(), AS_OF).stream()
                .filter(a -> a.kind() == AlertKind.UNQUALIFIED_LEGAL_REVIEW).toList();
    }

    static CaseStory reviewedBy(String number, String reviewer) {
        return CaseStory.lead(number, HAIFENG_MARKET, World.SHOP, "2026-04-01").filed("2026-04-01")
                .notified("2026-04-08", 300_000, "一般").reviewed("2026-04-15", reviewer);
    }

    @Test
    @DisplayName("stored and replaced per officer; bad input is a field error")
    void stored() {
        assertThat(qualifications.find(new OfficerId("o-chen"))).isEmpty();
        qualifications.save(chen("2019-03-01", null));
        qualifications.save(chen("2019-03-01", "2026-04-10"));
        assertThat(qualifications.find(new OfficerId("o-chen"))).hasValueSatisfying(q -> {
            assertThat(q.certificateNumber()).isEqualTo("A20194415000123");
            assertThat(q.revokedOn()).isEqualTo(LocalDate.parse("2026-04-10"));
            assertThat(q.recordedAt()).isEqualTo(NOW);
        });
        assertThatThrownBy(() -> chen("2026-01-01", "2025-01-01")).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("revokedOn");
    }

    @Test
    @DisplayName("a review by a qualified officer raises nothing; none on record, revoked, or unidentifiable alerts")
    void alerts() {
        assertThat(unqualified(reviewedBy("HF-Q1", "陈明 (o-chen)"))).singleElement().satisfies(a -> {
            assertThat(a.message()).contains("no 法律职业资格 on record");
            assertThat(a.article()).contains("art. 58");
            assertThat(a.severity()).isEqualTo(AlertKind.Severity.SEVERE);
        });
        qualifications.save(chen("2019-03-01", null));
        assertThat(unqualified(reviewedBy("HF-Q2", "陈明 (o-chen)"))).isEmpty();
        qualifications.save(chen("2019-03-01", "2026-04-10"));
        assertThat(unqualified(reviewedBy("HF-Q3", "陈明 (o-chen)"))).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("not held that day"));
        assertThat(unqualified(reviewedBy("HF-Q4", "法制审核员"))).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("法制审核员", "no 法律职业资格 on record"));
    }
}
