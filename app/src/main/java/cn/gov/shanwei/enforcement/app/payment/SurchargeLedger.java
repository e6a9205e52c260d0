package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code payment_surcharge} table (V65): one late-payment surcharge notice (加处罚款缴款书) per unpaid penalty
 * notice, opened with its durable issue in one transaction, completed with the provider's notice once issued.
 */
public class SurchargeLedger {

    private final JdbcClient jdbc;

    public SurchargeLedger(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * One surcharge notice.
     *
     * @param noticeNumber the provider's number, null until issued
     */
    public record Row(String requestNo, String originalNoticeNumber, UUID caseId, String subjectId,
                      String caseNumber, long surchargeFen, LocalDate accruedUntil, LocalDate dueOn,
                      String noticeNumber) {
    }

    /** Our business key (the provider's {@code requestNo}) of the surcharge on a notice. */
    public static String requestNo(String originalNoticeNumber) {
        return "PS-" + originalNoticeNumber;
    }

    /**
     * Opens the surcharge notice in the caller's transaction.
     *
     * @return false if the notice already has one (nothing written)
     */
    public boolean open(Row row, Instant now) {
        return jdbc.sql("""
                        INSERT INTO payment_surcharge (request_no, original_notice_number, case_id, subject_id,
                            case_number, surcharge_fen, accrued_until, due_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(row.requestNo(), row.originalNoticeNumber(), row.caseId(), row.subjectId(), row.caseNumber(),
                        row.surchargeFen(), row.accruedUntil(), row.dueOn(), Timestamp.from(now)).update() == 1;
    }

    /** Records what the provider issued; a second call changes nothing. */
    public void issued(String requestNo, PaymentNotice notice, Instant now) {
        jdbc.sql("""
                        UPDATE payment_surcharge SET notice_number = ?, pay_code = ?, pay_url = ?, issued_at = ?
                        WHERE request_no = ? AND notice_number IS NULL""")
                .params(notice.noticeNumber(), notice.payCode(), notice.payUrl().toString(), Timestamp.from(now),
                        requestNo).update();
    }

    public Optional<Row> byRequestNo(String requestNo) {
        return jdbc.sql("""
                        SELECT request_no, original_notice_number, case_id, subject_id, case_number, surcharge_fen,
                            accrued_until, due_on, notice_number FROM payment_surcharge WHERE request_no = ?""")
                .param(requestNo).query((rs, n) -> new Row(rs.getString("request_no"),
                        rs.getString("original_notice_number"), rs.getObject("case_id", UUID.class),
                        rs.getString("subject_id"), rs.getString("case_number"), rs.getLong("surcharge_fen"),
                        rs.getObject("accrued_until", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getString("notice_number"))).optional();
    }

    /**
     * A case's surcharge notice as the staff API shows it.
     *
     * @param noticeNumber the provider's number, payCode, payUrl and issuedAt: null until issued
     */
    public record CaseSurcharge(String requestNo, String originalNoticeNumber, long surchargeFen,
                                LocalDate accruedUntil, LocalDate dueOn, String noticeNumber, String payCode,
                                String payUrl, Instant issuedAt) {
    }

    /** The surcharge notice of a case, the latest if a case ever had more than one notice. */
    public Optional<CaseSurcharge> byCase(UUID caseId) {
        return jdbc.sql("""
                        SELECT request_no, original_notice_number, surcharge_fen, accrued_until, due_on, notice_number,
                            pay_code, pay_url, issued_at FROM payment_surcharge WHERE case_id = ?
                        ORDER BY created_at DESC, request_no LIMIT 1""")
                .param(caseId).query((rs, n) -> {
                    Timestamp issuedAt = rs.getTimestamp("issued_at");
                    return new CaseSurcharge(rs.getString("request_no"), rs.getString("original_notice_number"),
                            rs.getLong("surcharge_fen"), rs.getObject("accrued_until", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class), rs.getString("notice_number"),
                            rs.getString("pay_code"), rs.getString("pay_url"),
                            issuedAt == null ? null : issuedAt.toInstant());
                }).optional();
    }
}
