package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.IssuedNotices;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.cases.payment.FineDue;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The {@code payment_notice} table (V60): one notice per case, opened with the case's service in that
 * transaction, completed with the provider's notice number once issued. Also our record of issued notices for the
 * callback handler.
 */
public class PaymentNoticeLedger implements IssuedNotices {

    private static final String COLUMNS = "request_no, case_id, subject_id, case_number, fine_fen, due_on,"
            + " notice_number, pay_code, pay_url, issued_at";

    private final JdbcClient jdbc;

    public PaymentNoticeLedger(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * One notice of the ledger.
     *
     * @param noticeNumber null until issued
     * @param payCode      null until issued
     * @param payUrl       null until issued
     * @param issuedAt     null until issued
     */
    public record Row(String requestNo, UUID caseId, String subjectId, String caseNumber, long fineFen,
                      LocalDate dueOn, String noticeNumber, String payCode, String payUrl, Instant issuedAt) {

        /** Whether the provider has issued it. */
        public boolean issued() {
            return noticeNumber != null;
        }
    }

    /**
     * Opens the notice of {@code due} in the caller's transaction.
     *
     * @return false if the case already has a notice (nothing written)
     */
    public boolean open(String requestNo, FineDue due, Instant now) {
        return jdbc.sql("""
                        INSERT INTO payment_notice (request_no, case_id, subject_id, case_number, fine_fen, due_on,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(requestNo, due.caseId(), due.subjectId(), due.caseNumber(), due.fineFen(), due.dueOn(),
                        Timestamp.from(now)).update() == 1;
    }

    /** Records what the provider issued; a second call for the same request changes nothing. */
    public void issued(String requestNo, PaymentNotice notice, Instant now) {
        jdbc.sql("""
                        UPDATE payment_notice SET notice_number = ?, pay_code = ?, pay_url = ?, issued_at = ?
                        WHERE request_no = ? AND notice_number IS NULL""")
                .params(notice.noticeNumber(), notice.payCode(), notice.payUrl().toString(), Timestamp.from(now),
                        requestNo).update();
    }

    public Optional<Row> byRequestNo(String requestNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_notice WHERE request_no = ?").param(requestNo)
                .query(PaymentNoticeLedger::row).optional();
    }

    public Optional<Row> byNotice(String noticeNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_notice WHERE notice_number = ?").param(noticeNumber)
                .query(PaymentNoticeLedger::row).optional();
    }

    public Optional<Row> byCase(UUID caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_notice WHERE case_id = ?").param(caseId)
                .query(PaymentNoticeLedger::row).optional();
    }

    /**
     * Issued notices whose payment period ended before {@code today}, with no accepted payment, no open payment
     * review or reconciliation task and no surcharge notice yet, oldest first, at most {@code max}.
     */
    public List<Row> overdueWithoutSurcharge(LocalDate today, int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_notice n WHERE n.notice_number IS NOT NULL"
                        + " AND n.due_on < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM payment_result r WHERE r.notice_number = n.notice_number)"
                        + " AND NOT EXISTS (SELECT 1 FROM payment_surcharge s"
                        + " WHERE s.original_notice_number = n.notice_number)"
                        // a payment a person still has to look at (e.g. the wrong amount) is not simply unpaid
                        + " AND NOT EXISTS (SELECT 1 FROM payment_review v WHERE v.notice_number = n.notice_number"
                        + " AND v.state = 'OPEN')"
                        + " AND NOT EXISTS (SELECT 1 FROM payment_reconciliation_task k"
                        + " WHERE k.notice_number = n.notice_number AND k.state = 'OPEN')"
                        + " ORDER BY n.due_on, n.request_no LIMIT ?")
                .params(today, max).query(PaymentNoticeLedger::row).list();
    }

    @Override
    public OptionalLong amountDueFen(String noticeNumber) {
        return byNotice(noticeNumber).map(r -> OptionalLong.of(r.fineFen())).orElseGet(OptionalLong::empty);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp issuedAt = rs.getTimestamp("issued_at");
        return new Row(rs.getString("request_no"), rs.getObject("case_id", UUID.class), rs.getString("subject_id"),
                rs.getString("case_number"), rs.getLong("fine_fen"), rs.getObject("due_on", LocalDate.class),
                rs.getString("notice_number"), rs.getString("pay_code"), rs.getString("pay_url"),
                issuedAt == null ? null : issuedAt.toInstant());
    }
}
