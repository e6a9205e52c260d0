package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.NoticeItem;
import cn.gov.shanwei.enforcement.adapters.payment.Payer;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code payment_client_notice} table (V70): payment notices municipal systems issue through the hub, one per
 * client and business key. The payer is sealed with the case platform's SM4 key (personal data at rest, ADR 0503).
 */
public class ClientPaymentNotices {

    /** Where a notice stands in our records (paid is read from {@code payment_result}). */
    public enum State { PENDING, ISSUED, REFUSED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "notice_id, client_id, business_key, decision_number, payer_sealed, items,"
            + " total_fen, due_on, unit_code, region_code, matter_code, case_number, officer_id, state, notice_number,"
            + " pay_code, pay_url, problem, created_at, issued_at";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final JdbcPaymentResultStore results;

    public ClientPaymentNotices(JdbcClient jdbc, FieldCipher cipher, JdbcPaymentResultStore results) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.results = Objects.requireNonNull(results, "results");
    }

    /**
     * One notice.
     *
     * @param noticeId     our id, also our {@code requestNo} at the provider
     * @param noticeNumber the provider's number, null until issued
     */
    public record Row(String noticeId, String clientId, String businessKey, String decisionNumber, Payer payer,
                      List<NoticeItem> items, long totalFen, LocalDate dueOn, String unitCode, String regionCode,
                      String matterCode, String caseNumber, String officerId, State state, String noticeNumber,
                      String payCode, String payUrl, String problem, Instant createdAt, Instant issuedAt) {

        /** Whether {@code other} asks for the same notice (same client, key, payer, items, dates and unit). */
        public boolean sameRequestAs(Row other) {
            return clientId.equals(other.clientId) && businessKey.equals(other.businessKey)
                    && decisionNumber.equals(other.decisionNumber) && payer.equals(other.payer)
                    && items.equals(other.items) && dueOn.equals(other.dueOn) && unitCode.equals(other.unitCode)
                    && regionCode.equals(other.regionCode) && matterCode.equals(other.matterCode);
        }
    }

    /**
     * The id of a client's notice for a business key: {@code PC-} and 32 hex digits of SHA-256(client, key), so the
     * same key of the same client is always the same notice and two clients never collide.
     */
    public static String noticeId(String clientId, String businessKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "\n" + businessKey).getBytes(StandardCharsets.UTF_8));
            return "PC-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Writes a new notice in the caller's transaction; false if it exists (nothing written). */
    public boolean open(Row row) {
        return jdbc.sql("""
                        INSERT INTO payment_client_notice (notice_id, client_id, business_key, decision_number,
                            payer_sealed, items, total_fen, due_on, unit_code, region_code, matter_code, case_number,
                            officer_id, state, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""")
                .params(row.noticeId(), row.clientId(), row.businessKey(), row.decisionNumber(), seal(row.payer()),
                        write(row.items()), row.totalFen(), row.dueOn(), row.unitCode(), row.regionCode(),
                        row.matterCode(), row.caseNumber(), row.officerId(), Timestamp.from(row.createdAt()))
                .update() == 1;
    }

    public Optional<Row> byId(String noticeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_client_notice WHERE notice_id = ?").param(noticeId)
                .query(this::row).optional();
    }

    public Optional<Row> byNotice(String noticeNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_client_notice WHERE notice_number = ?")
                .param(noticeNumber).query(this::row).optional();
    }

    /**
     * Records what the provider issued.
     *
     * @return true if this changed the notice (false: it was issued already, or refused)
     */
    public boolean issued(String noticeId, PaymentNotice notice, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_client_notice SET state = 'ISSUED', notice_number = ?, pay_code = ?,
                            pay_url = ?, issued_at = ? WHERE notice_id = ? AND state = 'PENDING'""")
                .params(notice.noticeNumber(), notice.payCode(), notice.payUrl().toString(), Timestamp.from(now),
                        noticeId).update() == 1;
    }

    /**
     * Records the provider's refusal.
     *
     * @return true if this changed the notice
     */
    public boolean refused(String noticeId, String problem) {
        return jdbc.sql("UPDATE payment_client_notice SET state = 'REFUSED', problem = ? WHERE notice_id = ?"
                        + " AND state = 'PENDING'")
                .params(TextCut.atMost(problem, 1000), noticeId).update() == 1;
    }

    /** The amount due of a notice a client issued through us, if it is one of those. */
    public OptionalLong amountDueFen(String noticeNumber) {
        return byNotice(noticeNumber).map(r -> OptionalLong.of(r.totalFen())).orElseGet(OptionalLong::empty);
    }

    /** The accepted payment of a notice, if any. */
    public Optional<PaymentResult> payment(Row row) {
        return row.noticeNumber() == null ? Optional.empty() : results.find(row.noticeNumber());
    }

    private String seal(Payer payer) {
        try {
            return cipher.encrypt(JSON.writeValueAsString(new SealedPayer(payer.name(), payer.idNumber())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a payer", e);
        }
    }

    private Payer unseal(String sealed) {
        try {
            SealedPayer payer = JSON.readValue(cipher.decrypt(sealed), SealedPayer.class);
            return new Payer(payer.name(), payer.idNumber());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sealed payer that is not JSON", e);
        }
    }

    private record SealedPayer(String name, String idNumber) {
    }

    private static String write(List<NoticeItem> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notice items", e);
        }
    }

    private static List<NoticeItem> items(String json) {
        try {
            return List.copyOf(JSON.readValue(json, new TypeReference<List<NoticeItem>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice items that are not JSON", e);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp issuedAt = rs.getTimestamp("issued_at");
        return new Row(rs.getString("notice_id"), rs.getString("client_id"), rs.getString("business_key"),
                rs.getString("decision_number"), unseal(rs.getString("payer_sealed")), items(rs.getString("items")),
                rs.getLong("total_fen"), rs.getObject("due_on", LocalDate.class), rs.getString("unit_code"),
                rs.getString("region_code"), rs.getString("matter_code"), rs.getString("case_number"),
                rs.getString("officer_id"), State.valueOf(rs.getString("state")), rs.getString("notice_number"),
                rs.getString("pay_code"), rs.getString("pay_url"), rs.getString("problem"),
                rs.getTimestamp("created_at").toInstant(), issuedAt == null ? null : issuedAt.toInstant());
    }
}
