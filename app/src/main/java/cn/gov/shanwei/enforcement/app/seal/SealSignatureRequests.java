package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The {@code seal_signature_request} table (V63): digests municipal systems have signed through the hub. */
public class SealSignatureRequests {

    /** Where a request stands. */
    public enum State { PENDING, SIGNED, REFUSED }

    private final JdbcClient jdbc;

    public SealSignatureRequests(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * One request.
     *
     * @param dataHash     SM3 of the data to sign, hex
     * @param sesSignature null until signed
     */
    public record Row(String requestId, String clientId, String sealId, String signerId, String dataHash,
                      String propertyInfo, String matterCode, State state, String signatureId, byte[] sesSignature,
                      String problem, Instant createdAt, Instant signedAt) {
    }

    /** Writes a new request in the caller's transaction; false if {@code requestId} exists (nothing written). */
    public boolean open(Row row) {
        return jdbc.sql("""
                        INSERT INTO seal_signature_request (request_id, client_id, seal_id, signer_id, data_hash,
                            property_info, matter_code, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                        ON CONFLICT DO NOTHING""")
                .params(row.requestId(), row.clientId(), row.sealId(), row.signerId(), row.dataHash(),
                        row.propertyInfo(), row.matterCode(), Timestamp.from(row.createdAt())).update() == 1;
    }

    public Optional<Row> byId(String requestId) {
        return jdbc.sql("SELECT * FROM seal_signature_request WHERE request_id = ?").param(requestId)
                .query(SealSignatureRequests::row).optional();
    }

    /** Stores the provider's signature; a second call changes nothing. */
    public void signed(String requestId, String signatureId, byte[] ses, Instant now) {
        jdbc.sql("UPDATE seal_signature_request SET state = 'SIGNED', signature_id = ?, ses_signature = ?,"
                        + " signed_at = ? WHERE request_id = ? AND state = 'PENDING'")
                .params(signatureId, ses, Timestamp.from(now), requestId).update();
    }

    /** Records the provider's refusal. */
    public void refused(String requestId, String problem) {
        jdbc.sql("UPDATE seal_signature_request SET state = 'REFUSED', problem = ? WHERE request_id = ?"
                + " AND state = 'PENDING'").params(TextCut.atMost(problem, 1000),
                requestId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp signedAt = rs.getTimestamp("signed_at");
        return new Row(rs.getString("request_id"), rs.getString("client_id"), rs.getString("seal_id"),
                rs.getString("signer_id"), rs.getString("data_hash"), rs.getString("property_info"),
                rs.getString("matter_code"), State.valueOf(rs.getString("state")), rs.getString("signature_id"),
                rs.getBytes("ses_signature"), rs.getString("problem"), rs.getTimestamp("created_at").toInstant(),
                signedAt == null ? null : signedAt.toInstant());
    }
}
