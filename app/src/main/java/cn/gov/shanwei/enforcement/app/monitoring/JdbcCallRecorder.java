package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.ProviderLeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Stores one row per provincial call in {@code provider_call} (Flyway V1). A failure to store is logged and
 * swallowed: the call itself already happened and its caller must get its answer.
 */
public class JdbcCallRecorder implements CallRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCallRecorder.class);

    private final JdbcTemplate jdbc;
    private final GroupCommit commits;
    /** The records of one group commit are inserted in one batched statement. */
    private final GroupCommit.Batch<CallRecord> records = this::insertAll;

    /**
     * @param commits the group commit the record's insert joins (committed, with others', before this returns)
     */
    public JdbcCallRecorder(JdbcTemplate jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    @Override
    public void record(CallRecord call) {
        try {
            commits.run(records, call);
        } catch (RuntimeException e) {
            LOG.error("Could not store the monitoring record of a {} {} call (trace {})", call.provider().code(),
                    call.operation(), call.context().traceId(), e);
        }
    }

    /**
     * Inserts records in the caller's transaction (the durable consumer's batch book-keeping, ADR 0407).
     *
     * @throws RuntimeException if they could not be written
     */
    public void insertAll(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO provider_call (request_in_ts, response_out_ts, duration_ms, provider, operation,
                    calling_system, officer_id, case_number, matter_code, trace_id, attempts, outcome,
                    fault_code, fault_detail, provider_request_ts, provider_response_ts, request_bytes,
                    response_bytes, status, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, calls, calls.size(), (ps, call) -> {
            ProviderLeg leg = call.leg();
            ps.setTimestamp(1, Timestamp.from(call.requestInTs()));
            ps.setTimestamp(2, Timestamp.from(call.responseOutTs()));
            ps.setLong(3, call.duration().toMillis());
            ps.setString(4, call.provider().code());
            ps.setString(5, call.operation());
            ps.setString(6, call.context().callingSystem());
            ps.setString(7, call.context().officerId());
            ps.setString(8, call.context().caseNumber());
            ps.setString(9, call.context().matterCode());
            ps.setString(10, call.context().traceId());
            ps.setInt(11, call.attempts());
            ps.setString(12, call.outcome().name());
            ps.setString(13, call.faultCode());
            ps.setString(14, call.faultDetail());
            ps.setTimestamp(15, leg == null ? null : timestamp(leg.requestOutTs()));
            ps.setTimestamp(16, leg == null ? null : timestamp(leg.responseInTs()));
            ps.setObject(17, leg == null ? null : leg.requestBytes(), Types.BIGINT);
            ps.setObject(18, leg == null ? null : leg.responseBytes(), Types.BIGINT);
            ps.setString(19, leg == null ? call.outcome().name() : leg.status());
            // Only side effects have a meaningful key; a read's is a throw-away UUID.
            ps.setString(20, leg != null && leg.sideEffect() ? call.context().idempotencyKey() : null);
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
