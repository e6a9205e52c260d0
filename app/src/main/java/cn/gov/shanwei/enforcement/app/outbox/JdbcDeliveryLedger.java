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
     * Claims every call of a batch in one transaction: one update of the claimable rows, then one read of what they
     * hold. Done and discarded calls are settled, refused ones stay refused; every other one gets its attempt counted.
     * The update takes the rows' locks itself (a second claim of the same call waits for this one's commit and then
     * counts the next attempt), so no locking read is needed before it: on H2 a {@code SELECT … FOR UPDATE} writes a
     * lock entry into each row, and on PostgreSQL into each tuple, which the update then writes again (ADR 0408).
     */
    @Override
    public Map<String, Claim> claimAll(Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Map.of();
        }
        return tx.run(() -> {
            jdbc.sql("""
                            UPDATE outbox_message SET state = 'ATTEMPTING', attempts = attempts + 1,
                                last_attempt_at = :now
                            WHERE idempotency_key IN (:keys) AND state NOT IN ('DONE', 'DISCARDED', 'REJECTED')
                            """)
                    .param("now", now())
                    .param("keys", idempotencyKeys)
                    .update();
            Map<String, Claim> found = new HashMap<>();
            jdbc.sql("SELECT idempotency_key, state, attempts FROM outbox_message WHERE idempotency_key IN (:keys)")
                    .param("keys", idempotencyKeys)
                    .query(rs -> {
                        int attempts = rs.getInt("attempts");
                        found.put(rs.getString("idempotency_key"), switch (rs.getString("state")) {
                            case "DONE", "DISCARDED" -> new Claim(State.SETTLED, attempts);
                            case "REJECTED" -> new Claim(State.REJECTED, attempts);
                            default -> new Claim(attempts == 1 ? State.FIRST_ATTEMPT : State.RETRY, attempts);
                        });
                    });
            Map<String, Claim> claims = new LinkedHashMap<>();
            for (String key : idempotencyKeys) {
                Claim claim = found.get(key);
                if (claim != null) {
                    claims.put(key, claim);
                }
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
            // Back to what the claim found: an attempt never made is not counted. Why it was not made (e.g. an open
            // breaker) becomes the last error, so a call dead-lettered meanwhile says so.
            batch.batchUpdate("""
                    UPDATE outbox_message SET state = CASE WHEN attempts <= 1 THEN 'QUEUED' ELSE 'RETRYING' END,
                        attempts = attempts - 1, last_error = COALESCE(?, last_error)
                    WHERE idempotency_key = ? AND state = 'ATTEMPTING'
                    """, released, released.size(), (ps, release) -> {
                ps.setString(1, release.reason());
                ps.setString(2, release.idempotencyKey());
            });
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
