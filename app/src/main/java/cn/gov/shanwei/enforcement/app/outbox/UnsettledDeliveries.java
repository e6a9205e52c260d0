package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.health.ProviderHealthIndicator;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Durable work the broker should be delivering and is not (ADR 0412): rows sent to the broker and not settled
 * ({@code QUEUED}, {@code ATTEMPTING}, {@code RETRYING}) whose last delivery or send is older than
 * {@code hub.durable.stuck-after}. Their message was lost by the broker, or dead-lettered and waiting for ops, or
 * held by a consumer that hangs; {@code POST /api/v1/ops/durable/resync} tells which and sends the lost ones again.
 *
 * <p>Gauges per operation {@code hub.durable.unsettled.stuck} (rows) and {@code hub.durable.unsettled.oldest}
 * (seconds since the quietest unsettled row was last sent or delivered, 0 when none), and health component
 * {@code durableDeliveries}: DEGRADED while any row is stuck. One grouped query over the unsettled rows (index
 * {@code (state, id)}, they are the messages in flight), run at most once per {@code maxAge}.
 */
public class UnsettledDeliveries extends AbstractHealthIndicator implements MeterBinder {

    /** Unsettled states: the row's message is (or should be) in the broker. */
    static final List<String> UNSETTLED = List.of("QUEUED", "ATTEMPTING", "RETRYING");

    /**
     * When the broker last had to do with a row: sent (queued_at, also set by a resync) or delivered (last_attempt_at,
     * stamped by each claim, refused attempts included).
     */
    static final String LAST_SEEN = "GREATEST(COALESCE(o.queued_at, o.created_at),"
            + " COALESCE(o.last_attempt_at, o.queued_at, o.created_at))";

    private final JdbcClient jdbc;
    private final List<ProviderOperation> operations;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot last;

    /** Per operation: rows stuck, and the quiet time of the quietest unsettled row. */
    public record Counts(long stuck, Duration oldest) {
        static final Counts NONE = new Counts(0, Duration.ZERO);
    }

    /** What was found at {@code at}, per operation id (every durable operation, with zeros). */
    public record Snapshot(Instant at, Duration stuckAfter, Map<String, Counts> byOperation) {

        public long stuck() {
            return byOperation.values().stream().mapToLong(Counts::stuck).sum();
        }

        public Duration oldest() {
            return byOperation.values().stream().map(Counts::oldest).max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    public UnsettledDeliveries(JdbcClient jdbc, List<ProviderOperation> operations, Duration stuckAfter, Clock clock,
                               Duration maxAge) {
        super("Cannot count the stuck durable rows");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.operations = List.copyOf(operations);
        this.stuckAfter = Objects.requireNonNull(stuckAfter, "stuckAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The last snapshot if younger than {@code maxAge}, else a fresh one. */
    public synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(maxAge))) {
            last = read(now);
        }
        return last;
    }

    /** A fresh snapshot, also kept for the gauges (after a resync, say). */
    public synchronized Snapshot refresh() {
        last = read(clock.instant());
        return last;
    }

    private Snapshot read(Instant now) {
        Map<String, Counts> byOperation = new LinkedHashMap<>();
        operations.forEach(operation -> byOperation.put(operation.id(), Counts.NONE));
        jdbc.sql("SELECT o.operation, COUNT(CASE WHEN " + LAST_SEEN + " < :cutoff THEN 1 END) AS stuck, MIN("
                        + LAST_SEEN + ") AS oldest FROM outbox_message o WHERE o.state IN (:states)"
                        + " GROUP BY o.operation")
                .param("cutoff", Timestamp.from(now.minus(stuckAfter)))
                .param("states", UNSETTLED)
                .query(rs -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    Duration quiet = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    byOperation.put(rs.getString("operation"), new Counts(rs.getLong("stuck"),
                            quiet.isNegative() ? Duration.ZERO : quiet));
                });
        return new Snapshot(now, stuckAfter, byOperation);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProviderOperation operation : operations) {
            String id = operation.id();
            Gauge.builder("hub.durable.unsettled.stuck", this, self -> self.counts(id).stuck())
                    .description("Unsettled durable rows with no delivery for longer than hub.durable.stuck-after")
                    .tag("operation", id)
                    .register(registry);
            Gauge.builder("hub.durable.unsettled.oldest", this, self -> self.counts(id).oldest().toMillis() / 1000.0)
                    .description("Seconds since the quietest unsettled durable row was sent or delivered")
                    .baseUnit("seconds")
                    .tag("operation", id)
                    .register(registry);
        }
    }

    private Counts counts(String operation) {
        return snapshot().byOperation().getOrDefault(operation, Counts.NONE);
    }

    /** UP, or DEGRADED while a row is stuck; DOWN (by the base class) if the database cannot be asked. */
    @Override
    protected void doHealthCheck(Health.Builder health) {
        Snapshot snapshot = snapshot();
        if (snapshot.stuck() == 0) {
            health.up();
        } else {
            health.status(ProviderHealthIndicator.DEGRADED).withDetail("reason", snapshot.stuck()
                    + " durable effects had no delivery for longer than " + snapshot.stuckAfter()
                    + ": their message may be lost or dead-lettered; see GET /api/v1/ops/durable/unsettled and"
                    + " POST /api/v1/ops/durable/resync");
        }
        health.withDetail("stuck", snapshot.stuck())
                .withDetail("oldestSeconds", snapshot.oldest().toSeconds())
                .withDetail("stuckAfter", snapshot.stuckAfter().toString());
    }
}
