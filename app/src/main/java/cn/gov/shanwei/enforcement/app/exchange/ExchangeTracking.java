package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tables {@code exchange_submission} and {@code exchange_record_result} (Flyway V45): what each durable push holds
 * and what the exchange answered for each record. {@link #open} runs in the transaction that enqueues the push;
 * {@link #settle} after the delivery.
 */
public class ExchangeTracking {

    /** State of a whole push. */
    public enum State {
        /** Waiting for its durable delivery (or retrying it). */
        PENDING,
        /** Delivered: every record has an answer, none refused. */
        DELIVERED,
        /** At least one record was refused (final; the push is dead-lettered for ops). */
        REFUSED
    }

    /**
     * A push as tracked.
     *
     * @param trackingId    the push's id (= outbox idempotency key = batch id)
     * @param callingSystem the client system that asked (or the hub itself for case records)
     * @param caseNumber    the case, if any
     * @param state         the push's state
     * @param mode          the exchange mode it was delivered in, once delivered
     * @param createdAt     when it was accepted
     * @param settledAt     when it got its answer
     * @param records       its records, in order
     */
    public record Submission(String trackingId, String callingSystem, String caseNumber, State state, String mode,
                             Instant createdAt, Instant settledAt, List<TrackedRecord> records) {
    }

    /** One record of a push with its answer. */
    public record TrackedRecord(String recordId, String recordType, int version, RecordStatus status, String code,
                                String message) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ExchangeTracking(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the tracking of a push, in the caller's transaction.
     *
     * @return false if it was opened before (the same push again: nothing written)
     */
    public boolean open(String trackingId, String callingSystem, String caseNumber, List<ExchangeRecord> records) {
        if (jdbc.sql("SELECT COUNT(*) FROM exchange_submission WHERE tracking_id = :id").param("id", trackingId)
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO exchange_submission (tracking_id, calling_system, case_number, record_count, state,
                    created_at) VALUES (:id, :system, :caseNumber, :count, 'PENDING', :now)
                """).param("id", trackingId).param("system", callingSystem).param("caseNumber", caseNumber)
                .param("count", records.size()).param("now", Timestamp.from(clock.instant())).update();
        for (int i = 0; i < records.size(); i++) {
            ExchangeRecord r = records.get(i);
            jdbc.sql("""
                    INSERT INTO exchange_record_result (tracking_id, position, record_id, record_type, version, status)
                    VALUES (:id, :position, :recordId, :type, :version, 'PENDING')
                    """).param("id", trackingId).param("position", i).param("recordId", r.recordId())
                    .param("type", r.type().name()).param("version", r.version()).update();
        }
        return true;
    }

    /**
     * A push's state changed by a delivery.
     *
     * @param state what it is now
     * @param at    when it was settled
     */
    public record Settled(State state, Instant at) {
    }

    /**
     * Records the answers of a delivery, in the caller's transaction if there is one (the answers are the
     * provider's facts, kept even if the delivery is then dead-lettered).
     *
     * @return the push's new state, if this delivery changed it (a resend answered alike changes nothing)
     */
    public Optional<Settled> settle(String trackingId, ExchangeProperties.Mode mode,
                                    List<RecordDelivery.Answer> answers) {
        boolean refused = answers.stream().anyMatch(a -> a.status() == RecordStatus.REJECTED);
        State before = jdbc.sql("SELECT state FROM exchange_submission WHERE tracking_id = :id")
                .param("id", trackingId).query(String.class).optional().map(State::valueOf).orElse(null);
        for (RecordDelivery.Answer a : answers) {
            jdbc.sql("""
                    UPDATE exchange_record_result SET status = :status, code = :code, message = :message
                    WHERE tracking_id = :id AND record_id = :recordId
                    """).param("status", a.status().name()).param("code", a.code())
                    .param("message", TextCut.atMost(a.message(), 500))
                    .param("id", trackingId).param("recordId", a.recordId()).update();
        }
        State after = refused ? State.REFUSED : State.DELIVERED;
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE exchange_submission SET state = :state, mode = :mode, settled_at = :now
                WHERE tracking_id = :id
                """).param("state", after.name())
                .param("mode", mode.name()).param("now", Timestamp.from(now)).param("id", trackingId)
                .update();
        return before == null || before == after ? Optional.empty() : Optional.of(new Settled(after, now));
    }

    /**
     * A push, if {@code callingSystem} made it (another system's push is as unknown as a missing one).
     */
    public Optional<Submission> find(String trackingId, String callingSystem) {
        return jdbc.sql("""
                SELECT tracking_id, calling_system, case_number, state, mode, created_at, settled_at
                FROM exchange_submission WHERE tracking_id = :id AND calling_system = :system
                """).param("id", trackingId).param("system", callingSystem)
                .query((rs, n) -> new Submission(rs.getString(1), rs.getString(2), rs.getString(3),
                        State.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), records(trackingId)))
                .optional();
    }

    private List<TrackedRecord> records(String trackingId) {
        return jdbc.sql("""
                SELECT record_id, record_type, version, status, code, message FROM exchange_record_result
                WHERE tracking_id = :id ORDER BY position
                """).param("id", trackingId)
                .query((rs, n) -> new TrackedRecord(rs.getString(1), rs.getString(2), rs.getInt(3),
                        RecordStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
                .list();
    }
}
