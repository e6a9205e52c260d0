package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.app.ops.OpsAudit;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment tasks a person follows up (ADR 0801, 0802, 0507): verified callbacks that changed nothing
 * ({@code payment_review}) and reconciliation mismatches ({@code payment_reconciliation_task}). A subject head sees
 * and resolves its own subject's (by the notice's collecting unit); an administrator every task, also those of
 * notices the hub does not know. A resolution is written once, with who, when and why, and audited.
 */
public class PaymentTasks {

    /** Which table. */
    public enum Type {
        /** {@code payment_review}. */
        REVIEW("payment_review", "t.received_at", """
                SELECT t.id, t.kind, t.notice_number, n.case_id, n.subject_id, CAST(NULL AS DATE) AS business_day,
                    CAST(NULL AS BIGINT) AS line_number, n.fine_fen AS expected_fen, t.paid_fen AS reported_fen,
                    t.transaction_id, t.detail, t.state, t.received_at AS raised_at, t.resolved_by, t.resolved_at,
                    t.resolution_note FROM payment_review t
                    LEFT JOIN payment_notice n ON n.notice_number = t.notice_number WHERE 1 = 1"""),
        /** {@code payment_reconciliation_task}. */
        RECONCILIATION("payment_reconciliation_task", "t.created_at", """
                SELECT t.id, t.kind, t.notice_number, t.case_id, n.subject_id, t.business_day, t.line_number,
                    t.expected_fen, t.reported_fen, CAST(NULL AS VARCHAR(64)) AS transaction_id,
                    CAST(NULL AS VARCHAR(500)) AS detail, t.state, t.created_at AS raised_at, t.resolved_by,
                    t.resolved_at, t.resolution_note FROM payment_reconciliation_task t
                    LEFT JOIN payment_notice n ON n.notice_number = t.notice_number WHERE 1 = 1""");

        private final String table;
        private final String order;
        private final String select;

        Type(String table, String order, String select) {
            this.table = table;
            this.order = order;
            this.select = select;
        }
    }

    /** How a person closes a task. */
    public enum Resolution { RESOLVED, DISMISSED }

    /**
     * A task as staff see it.
     *
     * @param expectedFen what our notice asked for (null when the notice is unknown)
     * @param reportedFen what the provider reported paid
     */
    public record TaskView(long id, Type type, String kind, String noticeNumber, UUID caseId, String subjectId,
                           LocalDate businessDay, Long lineNumber, Long expectedFen, Long reportedFen,
                           String transactionId, String detail, String state, Instant raisedAt, String resolvedBy,
                           Instant resolvedAt, String resolutionNote) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OpsAudit audit;
    private final Clock clock;

    public PaymentTasks(JdbcClient jdbc, TransactionTemplate transaction, OpsAudit audit, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One page of the tasks of {@code type} the actor may see, newest first, optionally in one state. */
    public CasePage<TaskView> list(Actor actor, Type type, String state, int page, int size) {
        ListQueries.checkPage("raisedAt", List.of("raisedAt"), page, size);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope(actor, params));
        if (state != null) {
            where.append(" AND t.state = ?");
            params.add(state);
        }
        String select = type.select + where;
        long total = jdbc.sql("SELECT count(*) FROM (" + select + ") c").params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<TaskView> items = jdbc.sql(select + " ORDER BY " + type.order + " DESC, t.id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, n) -> view(type, rs)).list();
        return new CasePage<>(items, page, size, total);
    }

    /** One task the actor may see (an unknown and a foreign one get the same refusal). */
    public TaskView get(Actor actor, Type type, long id) {
        List<Object> params = new ArrayList<>();
        String where = scope(actor, params) + " AND t.id = ?";
        params.add(id);
        return jdbc.sql(type.select + where).params(params).query((rs, n) -> view(type, rs)).optional()
                .orElseThrow(() -> new CaseAccessDeniedException("Task " + id + " does not exist in your "
                        + "jurisdiction"));
    }

    /** Resolves an open task the actor may see, once; audited in the same transaction. */
    public TaskView resolve(Actor actor, Type type, long id, Resolution resolution, String note) {
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new DomainValidationException("note", "must be 1 to 2000 characters");
        }
        return transaction.execute(tx -> {
            TaskView task = get(actor, type, id);
            int changed = jdbc.sql("UPDATE " + type.table + " SET state = ?, resolved_by = ?, resolved_at = ?, "
                            + "resolution_note = ? WHERE id = ? AND state = 'OPEN'")
                    .params(resolution.name(), actor.officer().id().value(), Timestamp.from(clock.instant()), note,
                            id).update();
            if (changed == 0) {
                throw new RuleViolationException("task " + id + " is already " + task.state() + " (by "
                        + task.resolvedBy() + ")");
            }
            audit.record("officer:" + actor.officer().id().value(), "RESOLVE_" + type.name(), type.table,
                    Long.toString(id), TextCut.atMost(note, 500),
                    resolution.name() + " " + task.kind() + " of notice " + task.noticeNumber(),
                    MDC.get(RequestIdFilter.MDC_KEY));
            return get(actor, type, id);
        });
    }

    // Subject heads: their subject's tasks; administrators: every task; anyone else: none (refused by name).
    private static String scope(Actor actor, List<Object> params) {
        if (actor.has(StaffRole.ADMINISTRATOR)) {
            return "";
        }
        if (actor.has(StaffRole.SUBJECT_HEAD)) {
            params.add(actor.officer().subject().value());
            return " AND n.subject_id = ?";
        }
        throw new CaseAccessDeniedException("Only a member of staff with the role SUBJECT_HEAD or ADMINISTRATOR may "
                + "follow up payment tasks");
    }

    private static TaskView view(Type type, ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        long line = rs.getLong("line_number");
        Long lineNumber = rs.wasNull() ? null : line;
        long expected = rs.getLong("expected_fen");
        Long expectedFen = rs.wasNull() ? null : expected;
        return new TaskView(rs.getLong("id"), type, rs.getString("kind"), rs.getString("notice_number"),
                rs.getObject("case_id", UUID.class), rs.getString("subject_id"),
                rs.getObject("business_day", LocalDate.class), lineNumber, expectedFen, rs.getLong("reported_fen"),
                rs.getString("transaction_id"), rs.getString("detail"), rs.getString("state"),
                rs.getTimestamp("raised_at").toInstant(), rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getString("resolution_note"));
    }
}
