package cn.gov.shanwei.enforcement.supervision.review.jdbc;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.review.CaseReview;
import cn.gov.shanwei.enforcement.supervision.review.ChecklistItem;
import cn.gov.shanwei.enforcement.supervision.review.Finding;
import cn.gov.shanwei.enforcement.supervision.review.ReviewRepository;
import cn.gov.shanwei.enforcement.supervision.review.ReviewStateException;
import cn.gov.shanwei.enforcement.supervision.review.ReviewStatus;
import cn.gov.shanwei.enforcement.supervision.review.ReviewTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ReviewRepository} on the tables of {@code V50__supervision_review.sql}, with plain JDBC. */
public final class JdbcReviewRepository implements ReviewRepository {

    private static final String REVIEW_COLUMNS = "id, case_number, reviewed_subject, template_code, template_version, "
            + "reviewer, reviewer_subject, assigned_on, draw_id, status, scored_on, rectification, rectify_by, "
            + "response, responded_on, verification_note, closed_on, version";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    /**
     * @param jdbc  the database
     * @param tx    transactions (a review and its scores are written together)
     * @param clock for template creation times
     */
    public JdbcReviewRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void saveTemplate(ReviewTemplate t) {
        tx.executeWithoutResult(s -> {
            try {
                jdbc.update("INSERT INTO supervision_review_template (code, version, name, created_at) "
                        + "VALUES (:code, :version, :name, :at)", new MapSqlParameterSource()
                        .addValue("code", t.code()).addValue("version", t.version()).addValue("name", t.name())
                        .addValue("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
            } catch (DuplicateKeyException e) {
                throw new ReviewStateException("template " + t.code() + " v" + t.version() + " exists already");
            }
            int i = 0;
            for (ChecklistItem item : t.items()) {
                jdbc.update("INSERT INTO supervision_review_template_item (template_code, template_version, ordinal, "
                        + "item_code, section, item_text, max_points) VALUES (:code, :version, :ordinal, :item, "
                        + ":section, :text, :max)", new MapSqlParameterSource().addValue("code", t.code())
                        .addValue("version", t.version()).addValue("ordinal", i++).addValue("item", item.code())
                        .addValue("section", item.section()).addValue("text", item.text())
                        .addValue("max", item.maxPoints()));
            }
        });
    }

    @Override
    public Optional<ReviewTemplate> latestTemplate(String code) {
        List<Integer> versions = jdbc.queryForList("SELECT MAX(version) FROM supervision_review_template "
                + "WHERE code = :code", Map.of("code", code), Integer.class);
        return versions.isEmpty() || versions.get(0) == null ? Optional.empty() : template(code, versions.get(0));
    }

    @Override
    public Optional<ReviewTemplate> template(String code, int version) {
        List<String> names = jdbc.queryForList("SELECT name FROM supervision_review_template WHERE code = :code "
                + "AND version = :version", Map.of("code", code, "version", version), String.class);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<ChecklistItem> items = jdbc.query("SELECT item_code, section, item_text, max_points FROM "
                        + "supervision_review_template_item WHERE template_code = :code AND template_version = :version "
                        + "ORDER BY ordinal", Map.of("code", code, "version", version),
                (rs, n) -> new ChecklistItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
        return Optional.of(new ReviewTemplate(code, version, names.get(0), items));
    }

    @Override
    public List<ReviewTemplate> latestTemplates() {
        return jdbc.queryForList("SELECT DISTINCT code FROM supervision_review_template ORDER BY code", Map.of(),
                String.class).stream().map(c -> latestTemplate(c).orElseThrow()).toList();
    }

    @Override
    public void save(CaseReview r) {
        tx.executeWithoutResult(s -> {
            MapSqlParameterSource p = params(r);
            if (r.version() == 1) {
                try {
                    jdbc.update("INSERT INTO supervision_case_review (" + REVIEW_COLUMNS + ", total_points) VALUES ("
                            + ":id, :caseNumber, :reviewedSubject, :templateCode, :templateVersion, :reviewer, "
                            + ":reviewerSubject, :assignedOn, :drawId, :status, :scoredOn, :rectification, :rectifyBy, "
                            + ":response, :respondedOn, :verificationNote, :closedOn, :version, :total)", p);
                } catch (DuplicateKeyException e) {
                    throw new ReviewStateException("review " + r.id() + " exists already");
                }
            } else {
                int updated = jdbc.update("UPDATE supervision_case_review SET status = :status, scored_on = :scoredOn, "
                        + "total_points = :total, rectification = :rectification, rectify_by = :rectifyBy, "
                        + "response = :response, responded_on = :respondedOn, verification_note = :verificationNote, "
                        + "closed_on = :closedOn, version = :version WHERE id = :id AND version = :previous", p
                        .addValue("previous", r.version() - 1));
                if (updated != 1) {
                    throw new ReviewStateException("review " + r.id() + " was changed meanwhile; reload it");
                }
                jdbc.update("DELETE FROM supervision_review_score WHERE review_id = :id", p);
                jdbc.update("DELETE FROM supervision_review_finding WHERE review_id = :id", p);
            }
            for (Map.Entry<String, Integer> e : r.scores().entrySet()) {
                jdbc.update("INSERT INTO supervision_review_score (review_id, item_code, points) VALUES (:id, :item, "
                        + ":points)", Map.of("id", r.id(), "item", e.getKey(), "points", e.getValue()));
            }
            int i = 0;
            for (Finding f : r.findings()) {
                jdbc.update("INSERT INTO supervision_review_finding (review_id, ordinal, item_code, finding_text) "
                        + "VALUES (:id, :ordinal, :item, :text)", Map.of("id", r.id(), "ordinal", i++,
                        "item", f.itemCode(), "text", f.text()));
            }
        });
    }

    @Override
    public Optional<CaseReview> find(String id) {
        return load("WHERE id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    @Override
    public List<CaseReview> ofSubjects(Collection<SubjectId> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return load("WHERE reviewed_subject IN (:subjects) ORDER BY assigned_on DESC, id",
                new MapSqlParameterSource("subjects", subjects.stream().map(SubjectId::value).toList()));
    }

    @Override
    public Map<OfficerId, Integer> openReviewsPerReviewer() {
        Map<OfficerId, Integer> open = new HashMap<>();
        jdbc.query("SELECT reviewer, COUNT(*) FROM supervision_case_review WHERE status <> 'CLOSED' GROUP BY reviewer",
                rs -> {
                    open.put(new OfficerId(rs.getString(1)), rs.getInt(2));
                });
        return open;
    }

    private List<CaseReview> load(String where, MapSqlParameterSource p) {
        List<CaseReview> partial = jdbc.query("SELECT " + REVIEW_COLUMNS + " FROM supervision_case_review " + where, p,
                (rs, n) -> row(rs));
        List<CaseReview> result = new ArrayList<>();
        for (CaseReview r : partial) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            jdbc.query("SELECT item_code, points FROM supervision_review_score WHERE review_id = :id ORDER BY item_code",
                    Map.of("id", r.id()), rs -> {
                        scores.put(rs.getString(1), rs.getInt(2));
                    });
            List<Finding> findings = jdbc.query("SELECT item_code, finding_text FROM supervision_review_finding "
                    + "WHERE review_id = :id ORDER BY ordinal", Map.of("id", r.id()),
                    (rs, n) -> new Finding(rs.getString(1), rs.getString(2)));
            result.add(new CaseReview(r.id(), r.caseNumber(), r.reviewedSubject(), r.templateCode(),
                    r.templateVersion(), r.reviewer(), r.reviewerSubject(), r.assignedOn(), r.drawId(), r.status(),
                    scores, findings, r.scoredOn(), r.rectification(), r.rectifyBy(), r.response(), r.respondedOn(),
                    r.verificationNote(), r.closedOn(), r.version()));
        }
        return result;
    }

    private static CaseReview row(ResultSet rs) throws SQLException {
        return new CaseReview(rs.getString("id"), new CaseNumber(rs.getString("case_number")),
                new SubjectId(rs.getString("reviewed_subject")), rs.getString("template_code"),
                rs.getInt("template_version"), new OfficerId(rs.getString("reviewer")),
                new SubjectId(rs.getString("reviewer_subject")), day(rs, "assigned_on"), rs.getString("draw_id"),
                ReviewStatus.valueOf(rs.getString("status")), Map.of(), List.of(), day(rs, "scored_on"),
                rs.getString("rectification"), day(rs, "rectify_by"), rs.getString("response"),
                day(rs, "responded_on"), rs.getString("verification_note"), day(rs, "closed_on"),
                rs.getInt("version"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static MapSqlParameterSource params(CaseReview r) {
        return new MapSqlParameterSource()
                .addValue("id", r.id()).addValue("caseNumber", r.caseNumber().value())
                .addValue("reviewedSubject", r.reviewedSubject().value()).addValue("templateCode", r.templateCode())
                .addValue("templateVersion", r.templateVersion()).addValue("reviewer", r.reviewer().value())
                .addValue("reviewerSubject", r.reviewerSubject().value()).addValue("assignedOn", r.assignedOn())
                .addValue("drawId", r.drawId()).addValue("status", r.status().name())
                .addValue("scoredOn", r.scoredOn()).addValue("rectification", r.rectification())
                .addValue("rectifyBy", r.rectifyBy()).addValue("response", r.response())
                .addValue("respondedOn", r.respondedOn()).addValue("verificationNote", r.verificationNote())
                .addValue("closedOn", r.closedOn()).addValue("version", r.version())
                .addValue("total", r.totalPoints());
    }
}
