package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.ProviderLeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores one row per provincial call in {@code provider_call} (Flyway V1). A failure to store is logged and
 * swallowed: the call itself already happened and its caller must get its answer.
 */
public class JdbcCallRecorder implements CallRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCallRecorder.class);

    private final JdbcClient jdbc;
    private final GroupCommit commits;

    /**
     * @param commits the group commit the record's insert joins (committed, with others', before this returns)
     */
    public JdbcCallRecorder(JdbcClient jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    @Override
    public void record(CallRecord call) {
        ProviderLeg leg = call.leg();
        try {
            commits.run(() -> jdbc.sql("""
                    INSERT INTO provider_call (request_in_ts, response_out_ts, duration_ms, provider, operation,
                        calling_system, officer_id, case_number, matter_code, trace_id, attempts, outcome,
                        fault_code, fault_detail, provider_request_ts, provider_response_ts, request_bytes,
                        response_bytes, status, idempotency_key)
                    VALUES (:requestIn, :responseOut, :durationMs, :provider, :operation, :callingSystem,
                        :officerId, :caseNumber, :matterCode, :traceId, :attempts, :outcome, :faultCode,
                        :faultDetail, :providerRequest, :providerResponse, :requestBytes, :responseBytes, :status,
                        :idempotencyKey)
                    """)
                    .param("requestIn", Timestamp.from(call.requestInTs()))
                    .param("responseOut", Timestamp.from(call.responseOutTs()))
                    .param("durationMs", call.duration().toMillis())
                    .param("provider", call.provider().code())
                    .param("operation", call.operation())
                    .param("callingSystem", call.context().callingSystem())
                    .param("officerId", call.context().officerId())
                    .param("caseNumber", call.context().caseNumber())
                    .param("matterCode", call.context().matterCode())
                    .param("traceId", call.context().traceId())
                    .param("attempts", call.attempts())
                    .param("outcome", call.outcome().name())
                    .param("faultCode", call.faultCode())
                    .param("faultDetail", call.faultDetail())
                    .param("providerRequest", leg == null ? null : timestamp(leg.requestOutTs()))
                    .param("providerResponse", leg == null ? null : timestamp(leg.responseInTs()))
                    .param("requestBytes", leg == null ? null : leg.requestBytes())
                    .param("responseBytes", leg == null ? null : leg.responseBytes())
                    .param("status", leg == null ? call.outcome().name() : leg.status())
                    // Only side effects have a meaningful key; a read's is a throw-away UUID.
                    .param("idempotencyKey", leg == null ? null : call.context().idempotencyKey())
                    .update());
        } catch (RuntimeException e) {
            LOG.error("Could not store the monitoring record of a {} {} call (trace {})", call.provider().code(),
                    call.operation(), call.context().traceId(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
