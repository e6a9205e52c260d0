package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/** Appends one row to {@code ops_audit} (Flyway V11) per ops action, whether it succeeded or not. */
public class OpsAudit {

    private static final Logger LOG = LoggerFactory.getLogger(OpsAudit.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public OpsAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param outcome what happened, e.g. {@code replayed 3} or {@code refused: no such message}
     */
    public void record(String clientId, String action, String operation, String target, String reason,
                       String outcome, String requestId) {
        LOG.info("ops {} by {} on {} {}: {}", action, clientId, operation, target, outcome);
        jdbc.sql("""
                        INSERT INTO ops_audit (at, client_id, action, operation, target, reason, outcome, request_id)
                        VALUES (:at, :client, :action, :operation, :target, :reason, :outcome, :requestId)
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("client", clientId)
                .param("action", action)
                .param("operation", operation)
                .param("target", target)
                .param("reason", reason)
                .param("outcome", TextCut.atMost(outcome, 500))
                .param("requestId", requestId)
                .update();
    }

    /**
     * Runs an ops action and records it: its outcome when it succeeds, {@code refused: <message>} when it throws
     * (the exception is then rethrown).
     */
    public <T> T audited(String clientId, String action, String operation, String target, String reason,
                         String requestId, Supplier<T> work, Function<T, String> outcome) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            record(clientId, action, operation, target, reason, "refused: " + e.getMessage(), requestId);
            throw e;
        }
        record(clientId, action, operation, target, reason, outcome.apply(result), requestId);
        return result;
    }
}
