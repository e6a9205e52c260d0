package cn.gov.shanwei.enforcement.app.messagelog;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the message log as stored (bodies encrypted): by trace id, by case, by position, and the chain's ends. */
public class MessageLogQueries {

    private static final String COLUMNS = "seq, logged_at, requested_at, answered_at, provider, operation,"
            + " calling_system, case_number, trace_id, fault, request_digest, response_digest, request_body,"
            + " response_body, prev_hash, entry_hash";

    private static final RowMapper<MessageLogEntry> ENTRY = MessageLogQueries::entry;

    private final JdbcClient jdbc;

    public MessageLogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain's ends: the first kept position and the hash it chains from, the last position and its hash. */
    public record Ends(long firstSeq, String anchorHash, long lastSeq, String lastHash) {
    }

    /** The entries of one trace, oldest first. */
    public List<MessageLogEntry> byTrace(String traceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message_log WHERE trace_id = :v ORDER BY seq LIMIT :limit")
                .param("v", traceId).param("limit", limit).query(ENTRY).list();
    }

    /** The entries of one case, oldest first. */
    public List<MessageLogEntry> byCase(String caseNumber, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message_log WHERE case_number = :v ORDER BY seq LIMIT :limit")
                .param("v", caseNumber).param("limit", limit).query(ENTRY).list();
    }

    /** The entry at {@code seq}, if it is stored. */
    public Optional<MessageLogEntry> at(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message_log WHERE seq = :seq").param("seq", seq)
                .query(ENTRY).optional();
    }

    /** Up to {@code limit} entries from position {@code fromSeq} on, in order. */
    public List<MessageLogEntry> page(long fromSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message_log WHERE seq >= :from ORDER BY seq LIMIT :limit")
                .param("from", fromSeq).param("limit", limit).query(ENTRY).list();
    }

    /** The chain's ends as last written. */
    public Ends ends() {
        return jdbc.sql("SELECT first_seq, anchor_hash, last_seq, last_hash FROM message_log_ends WHERE id = 1")
                .query((rs, n) -> new Ends(rs.getLong(1), rs.getString(2).trim(), rs.getLong(3),
                        rs.getString(4).trim()))
                .single();
    }

    private static MessageLogEntry entry(ResultSet rs, int row) throws SQLException {
        return new MessageLogEntry(rs.getLong("seq"), instant(rs, "logged_at"), instant(rs, "requested_at"),
                instant(rs, "answered_at"), rs.getString("provider"), rs.getString("operation"),
                rs.getString("calling_system"), rs.getString("case_number"), rs.getString("trace_id"),
                rs.getString("fault"), trim(rs.getString("request_digest")), trim(rs.getString("response_digest")),
                rs.getString("request_body"), rs.getString("response_body"), trim(rs.getString("prev_hash")),
                trim(rs.getString("entry_hash")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String trim(String fixed) {
        return fixed == null ? null : fixed.trim();
    }
}
