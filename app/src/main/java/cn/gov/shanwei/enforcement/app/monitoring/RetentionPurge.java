package cn.gov.shanwei.enforcement.app.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies the retention policy on a schedule: monitoring records older than {@code hub.monitoring.retention}
 * (default 180 days) and settled outbox entries (done or discarded) older than
 * {@code hub.durable.settled-retention} (default 30 days; while an entry is kept, a late duplicate of its message is
 * recognised as settled), and the staff API's idempotency keys of creations older than
 * {@code hub.cases.creation-key-retention} (default 30 days; a resend under a purged key creates anew, ADR 0519).
 * Runs once at start and then every {@code hub.monitoring.purge-interval}.
 */
public class RetentionPurge implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final ProviderCallQueries calls;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration monitoringRetention;
    private final Duration settledRetention;
    private final Duration creationKeyRetention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RetentionPurge(ProviderCallQueries calls, JdbcClient jdbc, Clock clock, Duration monitoringRetention,
                          Duration settledRetention, Duration creationKeyRetention, Duration interval) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.clock = clock;
        this.monitoringRetention = positive("hub.monitoring.retention", monitoringRetention);
        this.settledRetention = positive("hub.durable.settled-retention", settledRetention);
        this.creationKeyRetention = positive("hub.cases.creation-key-retention", creationKeyRetention);
        this.interval = positive("hub.monitoring.purge-interval", interval);
    }

    /**
     * What one purge deleted.
     *
     * @param monitoringRecords    monitoring records ({@code provider_call}) past {@code hub.monitoring.retention}
     * @param settledOutboxEntries done or discarded outbox entries past {@code hub.durable.settled-retention}
     * @param creationKeys         the staff API's creation keys past {@code hub.cases.creation-key-retention}
     */
    public record Purged(int monitoringRecords, int settledOutboxEntries, int creationKeys) {

        /** Whether anything was deleted. */
        public boolean any() {
            return monitoringRecords + settledOutboxEntries + creationKeys > 0;
        }
    }

    /** One purge now; returns what it deleted. */
    public Purged purgeNow() {
        int records = calls.purgeOlderThan(monitoringRetention);
        int entries = jdbc.sql("DELETE FROM outbox_message WHERE state IN ('DONE', 'DISCARDED')"
                        + " AND settled_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(settledRetention)))
                .update();
        int keys = jdbc.sql("DELETE FROM staff_creation_key WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(creationKeyRetention)))
                .update();
        Purged purged = new Purged(records, entries, keys);
        if (purged.any()) {
            LOG.info("Retention: deleted {} monitoring records, {} settled outbox entries and {} creation keys",
                    records, entries, keys);
        }
        return purged;
    }

    private void purgeSafely() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            LOG.warn("Retention purge failed; next try in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention-purge");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::purgeSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
