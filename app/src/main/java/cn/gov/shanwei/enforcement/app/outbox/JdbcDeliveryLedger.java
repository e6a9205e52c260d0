package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.durable.UnknownDurableCallException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The delivery ledger over {@code outbox_message}: each method's write is committed before the consumer goes on (in
 * a transaction it may share with other consumers' book-keeping, {@link GroupCommit}), so the provider is called only
 * once the attempt is counted, and a message is acknowledged only once its outcome is stored. A batch of deliveries
 * is claimed with one statement pair and settled with one JDBC batch per kind of outcome (ADR 0407).
 */
public class JdbcDeliveryLedger implements DeliveryLedger {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final GroupCommit tx;
    private final RelayTrigger trigger;
    private final Clock clock;

    /**
     * @param commits each claim and outcome is committed through it, sharing commits with concurrent consumers
     *                (ADR 0406); it still returns only once committed
     */
    public JdbcDeliveryLedger(JdbcTemplate jdbc, GroupCommit commits, RelayTrigger trigger, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc"));
        this.batch = jdbc;
        this.tx = Objects.requireNonNull(commits, "commits");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Claim claim(String idempotencyKey) {
        Claim claim = claimAll(List.of(idempotencyKey)).get(idempotencyKey);
        if (claim == null) {
            throw new UnknownDurableCallException(idempotencyKey);
        }
        return claim;
    }

    /**
     * Claims every call of a batch in one transaction: one locking read and one update of the claimable rows. Done
     * and discarded calls are settled, refused ones stay refused; every other one gets its attempt counted.
     */
    @Override
    public Map<String, Claim> claimAll(Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Map.of();
        }
        return tx.run(() -> {
            record Row(String state, int attempts) {
            }
            Map<String, Row> rows = new HashMap<>();
            jdbc.sql("SELECT idempotency_key, state, attempts FROM outbox_message WHERE idempotency_key IN (:keys)"
                            + " FOR UPDATE")
                    .param("keys", idempotencyKeys)
                    .query(rs -> {
                        rows.put(rs.getString("idempotency_key"),
                                new Row(rs.getString("state"), rs.getInt("attempts")));
                    });
            Map<String, Claim> claims = new LinkedHashMap<>();
            List<String> claimed = new ArrayList<>();
            for (String key : idempotencyKeys) {
                Row row = rows.get(key);
                if (row == null) {
                    continue;
                }
                switch (row.state()) {
                    case "DONE", "DISCARDED" -> claims.put(key, new Claim(State.SETTLED, row.attempts()));
                    case "REJECTED" -> claims.put(key, new Claim(State.REJECTED, row.attempts()));
                    default -> {
                        claims.put(key, new Claim(row.attempts() == 0 ? State.FIRST_ATTEMPT : State.RETRY,
                                row.attempts() + 1));
                        claimed.add(key);
                    }
                }
            }
            if (!claimed.isEmpty()) {
                jdbc.sql("""
                                UPDATE outbox_message SET state = 'ATTEMPTING', attempts = attempts + 1,
                                    last_attempt_at = :now
                                WHERE idempotency_key IN (:keys)
                                """)
                        .param("now", now())
                        .param("keys", claimed)
                        .update();
            }
            return claims;
        });
    }

    @Override
    public void completed(String idempotencyKey, String providerReference, boolean reconciled) {
        settleAll(List.of(new Completed(idempotencyKey, providerReference, reconciled)));
    }

    @Override
    public void failed(String idempotencyKey, String error, boolean permanent) {
        settleAll(List.of(new Failed(idempotencyKey, error, permanent)));
    }

    @Override
    public void release(String idempotencyKey) {
        settleAll(List.of(new Released(idempotencyKey)));
    }

    @Override
    public void settleAll(List<Outcome> outcomes) {
        tx.run(() -> {
            write(outcomes);
            return null;
        });
        signalIfCompleted(outcomes);
    }

    /**
     * Writes outcomes in the caller's transaction (the batch book-keeping shares it with the monitoring records and
     * the message log); {@link #signalIfCompleted} once it has committed.
     */
    void write(List<Outcome> outcomes) {
        List<Completed> completed = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        List<Released> released = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Completed done) {
                completed.add(done);
            } else if (outcome instanceof Failed failure) {
                failed.add(failure);
            } else if (outcome instanceof Released release) {
                released.add(release);
            }
        }
        Timestamp now = now();
        if (!completed.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE outbox_message SET state = 'DONE', settled_at = ?, provider_reference = ?,
                        reconciled = ?, last_error = NULL
                    WHERE idempotency_key = ?
                    """, completed, completed.size(), (ps, done) -> {
                ps.setTimestamp(1, now);
                ps.setString(2, done.providerReference());
                ps.setBoolean(3, done.reconciled());
                ps.setString(4, done.idempotencyKey());
            });
        }
        if (!failed.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE outbox_message SET state = ?, last_error = ?
                    WHERE idempotency_key = ? AND state NOT IN ('DONE', 'DISCARDED')
                    """, failed, failed.size(), (ps, failure) -> {
                ps.setString(1, failure.permanent() ? "REJECTED" : "RETRYING");
                ps.setString(2, failure.error());
                ps.setString(3, failure.idempotencyKey());
            });
        }
        if (!released.isEmpty()) {
            // Back to what the claim found: an attempt never made is not counted.
            batch.batchUpdate("""
                    UPDATE outbox_message SET state = CASE WHEN attempts <= 1 THEN 'QUEUED' ELSE 'RETRYING' END,
                        attempts = attempts - 1
                    WHERE idempotency_key = ? AND state = 'ATTEMPTING'
                    """, released, released.size(), (ps, release) -> ps.setString(1, release.idempotencyKey()));
        }
    }

    /** Wakes the relay when a settled call may have released its case's next one. */
    void signalIfCompleted(List<Outcome> outcomes) {
        if (outcomes.stream().anyMatch(Completed.class::isInstance)) {
            trigger.signal();
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
