package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.durable.UnknownDurableCallException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;

/**
 * The delivery ledger over {@code outbox_message}: each method's write is committed before the consumer goes on (in
 * a transaction it may share with other consumers' book-keeping, {@link GroupCommit}), so the provider is called only once the attempt is counted, and a message is acknowledged only once its
 * outcome is stored.
 */
public class JdbcDeliveryLedger implements DeliveryLedger {

    private final JdbcClient jdbc;
    private final GroupCommit tx;
    private final RelayTrigger trigger;
    private final Clock clock;

    /**
     * @param commits each claim and outcome is committed through it, sharing commits with concurrent consumers
     *                (ADR 0406); it still returns only once committed
     */
    public JdbcDeliveryLedger(JdbcClient jdbc, GroupCommit commits, RelayTrigger trigger, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tx = Objects.requireNonNull(commits, "commits");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Claim claim(String idempotencyKey) {
        return tx.run(() -> {
            record Row(String state, int attempts) {
            }
            Row row = jdbc.sql("SELECT state, attempts FROM outbox_message WHERE idempotency_key = ? FOR UPDATE")
                    .param(idempotencyKey)
                    .query((rs, n) -> new Row(rs.getString("state"), rs.getInt("attempts")))
                    .optional()
                    .orElseThrow(() -> new UnknownDurableCallException(idempotencyKey));
            switch (row.state()) {
                case "DONE", "DISCARDED" -> {
                    return new Claim(State.SETTLED, row.attempts());
                }
                case "REJECTED" -> {
                    return new Claim(State.REJECTED, row.attempts());
                }
                default -> {
                    jdbc.sql("""
                            UPDATE outbox_message SET state = 'ATTEMPTING', attempts = attempts + 1,
                                last_attempt_at = :now
                            WHERE idempotency_key = :key
                            """)
                            .param("now", now())
                            .param("key", idempotencyKey)
                            .update();
                    return new Claim(row.attempts() == 0 ? State.FIRST_ATTEMPT : State.RETRY, row.attempts() + 1);
                }
            }
        });
    }

    @Override
    public void completed(String idempotencyKey, String providerReference, boolean reconciled) {
        tx.run(() -> jdbc.sql("""
                        UPDATE outbox_message SET state = 'DONE', settled_at = :now, provider_reference = :reference,
                            reconciled = :reconciled, last_error = NULL
                        WHERE idempotency_key = :key
                        """)
                .param("now", now())
                .param("reference", providerReference)
                .param("reconciled", reconciled)
                .param("key", idempotencyKey)
                .update());
        trigger.signal();
    }

    @Override
    public void failed(String idempotencyKey, String error, boolean permanent) {
        tx.run(() -> jdbc.sql("""
                        UPDATE outbox_message SET state = :state, last_error = :error
                        WHERE idempotency_key = :key AND state NOT IN ('DONE', 'DISCARDED')
                        """)
                .param("state", permanent ? "REJECTED" : "RETRYING")
                .param("error", error)
                .param("key", idempotencyKey)
                .update());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
