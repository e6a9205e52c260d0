package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code exchange_publication} (Flyway V45): the 双公示 of each case's decision with its deadlines — opened
 * with the service (7 working days from the decision), confirmed by the province, and after a change of the
 * decision withdrawn (3 working days from the change).
 */
public class PublicationLedger {

    /** Where a publication stands. */
    public enum State {
        /** Service recorded, publication handed over to the exchange. */
        PENDING,
        /** The exchange confirmed the publication. */
        PUBLISHED,
        /** Not published: the decision was changed before its publication went out. */
        NOT_PUBLISHED,
        /** The decision changed after publication: the withdrawal is handed over. */
        WITHDRAWAL_PENDING,
        /** The exchange confirmed the withdrawal. */
        WITHDRAWN
    }

    /**
     * One case's publication.
     *
     * @param caseId         the case
     * @param publicationId  our id at the exchange
     * @param subjectId      the case's subject
     * @param caseNumber     案件编号
     * @param decisionNumber 处罚决定书文号
     * @param decidedOn      the decision's date
     * @param publishDue     last day to publish (DecisionPublicationDeadline)
     * @param state          where it stands
     * @param publishedAt    when the exchange published it
     * @param changedOn      when the decision was changed, if it was
     * @param withdrawDue    last day to withdraw (PublicationWithdrawalDeadline), after a change
     * @param withdrawnAt    when the exchange withdrew it
     * @param note           why it was not published, when so
     */
    public record Row(UUID caseId, String publicationId, String subjectId, String caseNumber, String decisionNumber,
                      LocalDate decidedOn, LocalDate publishDue, State state, Instant publishedAt,
                      LocalDate changedOn, LocalDate withdrawDue, Instant withdrawnAt, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public PublicationLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Our publication id of a case's decision. */
    public static String publicationId(UUID caseId) {
        return "PUB-" + caseId;
    }

    /** Opens the publication, in the service's transaction; false if the case has one already. */
    public boolean open(UUID caseId, String subjectId, String caseNumber, String decisionNumber, LocalDate decidedOn,
                        LocalDate publishDue) {
        if (byCase(caseId).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO exchange_publication (case_id, publication_id, subject_id, case_number, decision_number,
                    decided_on, publish_due, state, created_at)
                VALUES (:caseId, :pid, :subject, :caseNumber, :decision, :decidedOn, :due, 'PENDING', :now)
                """).param("caseId", caseId).param("pid", publicationId(caseId)).param("subject", subjectId)
                .param("caseNumber", caseNumber).param("decision", decisionNumber)
                .param("decidedOn", Date.valueOf(decidedOn)).param("due", Date.valueOf(publishDue))
                .param("now", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** The decision changed: a publication not yet withdrawn now owes its withdrawal by {@code withdrawDue}. */
    public void changed(UUID caseId, LocalDate changedOn, LocalDate withdrawDue) {
        jdbc.sql("""
                UPDATE exchange_publication SET changed_on = :changedOn, withdraw_due = :due,
                    state = CASE WHEN state = 'PUBLISHED' THEN 'WITHDRAWAL_PENDING' ELSE state END
                WHERE case_id = :caseId AND state IN ('PENDING', 'PUBLISHED')
                """).param("changedOn", Date.valueOf(changedOn)).param("due", Date.valueOf(withdrawDue))
                .param("caseId", caseId).update();
    }

    /** The exchange confirmed the publication at {@code at}. */
    public void published(UUID caseId, Instant at) {
        jdbc.sql("""
                UPDATE exchange_publication SET published_at = :at,
                    state = CASE WHEN changed_on IS NULL THEN 'PUBLISHED' ELSE 'WITHDRAWAL_PENDING' END
                WHERE case_id = :caseId AND state = 'PENDING'
                """).param("at", Timestamp.from(at)).param("caseId", caseId).update();
    }

    /** The publication did not go out, and why. */
    public void notPublished(UUID caseId, String note) {
        jdbc.sql("""
                UPDATE exchange_publication SET state = 'NOT_PUBLISHED', note = :note
                WHERE case_id = :caseId AND state = 'PENDING'
                """).param("note", TextCut.atMost(note, 500)).param("caseId", caseId)
                .update();
    }

    /** The exchange confirmed the withdrawal at {@code at}. */
    public void withdrawn(UUID caseId, Instant at) {
        jdbc.sql("""
                UPDATE exchange_publication SET withdrawn_at = :at, state = 'WITHDRAWN'
                WHERE case_id = :caseId AND state IN ('PUBLISHED', 'WITHDRAWAL_PENDING')
                """).param("at", Timestamp.from(at)).param("caseId", caseId).update();
    }

    /** A case's publication, if it has one. */
    public Optional<Row> byCase(UUID caseId) {
        return jdbc.sql("""
                SELECT case_id, publication_id, subject_id, case_number, decision_number, decided_on, publish_due,
                    state, published_at, changed_on, withdraw_due, withdrawn_at, note
                FROM exchange_publication WHERE case_id = :caseId
                """).param("caseId", caseId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                        State.valueOf(rs.getString(8)), instant(rs.getTimestamp(9)),
                        rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                        rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(), instant(rs.getTimestamp(12)),
                        rs.getString(13)))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
