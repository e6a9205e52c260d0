package cn.gov.shanwei.enforcement.app.monitoring;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and purges monitoring records: by case, by provider, newest first; and deletes what the retention policy
 * ({@code hub.monitoring.retention}) no longer keeps.
 */
public class ProviderCallQueries {

    private static final String COLUMNS = """
            id, request_in_ts, response_out_ts, duration_ms, provider, operation, calling_system, officer_id,
            case_number, matter_code, trace_id, idempotency_key, attempts, outcome, status, fault_code, fault_detail,
            provider_request_ts, provider_response_ts, request_bytes, response_bytes
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProviderCallQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every recorded provincial call made for a case, newest first. */
    public List<ProviderCallView> byCase(String caseNumber, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_call WHERE case_number = :case"
                        + " ORDER BY request_in_ts DESC, id DESC LIMIT :limit")
                .param("case", caseNumber)
                .param("limit", limit)
                .query(ProviderCallQueries::view)
                .list();
    }

    /** Recorded calls to a provider since a time, newest first. */
    public List<ProviderCallView> byProvider(String provider, Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_call WHERE provider = :provider"
                        + " AND request_in_ts >= :since ORDER BY request_in_ts DESC, id DESC LIMIT :limit")
                .param("provider", provider)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(ProviderCallQueries::view)
                .list();
    }

    /** The latest calls that did not succeed, newest first. */
    public List<ProviderCallView> recentFailures(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_call WHERE outcome <> 'SUCCESS'"
                        + " ORDER BY request_in_ts DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(ProviderCallQueries::view)
                .list();
    }

    /** One call's provider, start and duration: the points of a latency chart. */
    public record Latency(String provider, Instant at, long durationMs) {
    }

    /** Start and duration of the calls since a time, oldest first, at most {@code limit} of the newest. */
    public List<Latency> latenciesSince(Instant since, int limit) {
        List<Latency> points = new ArrayList<>(jdbc.sql("SELECT provider, request_in_ts, duration_ms FROM provider_call"
                        + " WHERE request_in_ts >= :since ORDER BY request_in_ts DESC LIMIT :limit")
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new Latency(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list());
        Collections.reverse(points);
        return points;
    }

    /**
     * Deletes monitoring records older than {@code retention}.
     *
     * @return how many were deleted
     */
    public int purgeOlderThan(Duration retention) {
        return jdbc.sql("DELETE FROM provider_call WHERE request_in_ts < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                .update();
    }

    private static ProviderCallView view(ResultSet rs, int row) throws SQLException {
        return new ProviderCallView(rs.getLong("id"), instant(rs.getTimestamp("request_in_ts")),
                instant(rs.getTimestamp("response_out_ts")), rs.getLong("duration_ms"), rs.getString("provider"),
                rs.getString("operation"), rs.getString("calling_system"), rs.getString("officer_id"),
                rs.getString("case_number"), rs.getString("matter_code"), rs.getString("trace_id"),
                rs.getString("idempotency_key"), rs.getInt("attempts"), rs.getString("outcome"),
                rs.getString("status"), rs.getString("fault_code"), rs.getString("fault_detail"),
                instant(rs.getTimestamp("provider_request_ts")), instant(rs.getTimestamp("provider_response_ts")),
                (Long) rs.getObject("request_bytes", Long.class), (Long) rs.getObject("response_bytes", Long.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
