package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.FixedDelayTask;
import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The nonces of accepted requests in table {@code client_nonce} (Flyway V72), whose primary key on
 * {@code (client_id, nonce)} makes the check atomic across hub instances: the second insert of a pair fails, whichever
 * instance makes it. Rows past their {@code expires_at} are deleted by {@link #purgeEvery}; every instance purges,
 * which is harmless.
 *
 * <p>Each insert is committed before the request goes on, through the hub's {@link GroupCommit}: requests that arrive
 * together share one commit (with the monitoring records and message-log entries of the moment) instead of one each.
 * A nonce used twice in one group fails the shared transaction; the group's works then run one by one, and only the
 * second use is refused.
 */
public final class JdbcNonceStore implements NonceStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcNonceStore.class);

    private final JdbcClient jdbc;
    private final GroupCommit commits;
    private final Clock clock;
    private volatile Duration purgeInterval;
    private ThreadPoolTaskScheduler purging;

    /**
     * @param jdbc  the hub's database
     * @param clock decides which rows have expired
     */
    public JdbcNonceStore(JdbcClient jdbc, GroupCommit commits, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.commits = Objects.requireNonNull(commits, "commits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String clientId, String nonce, Instant rememberUntil) {
        try {
            commits.run(() -> jdbc.sql("INSERT INTO client_nonce (client_id, nonce, expires_at) "
                            + "VALUES (:client, :nonce, :expires)")
                    .param("client", clientId)
                    .param("nonce", nonce)
                    .param("expires", Timestamp.from(rememberUntil))
                    .update());
            return true;
        } catch (DuplicateKeyException used) {
            return false;
        }
    }

    /** Deletes the rows that have expired; returns how many. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM client_nonce WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private void purgeSafely() {
        try {
            int deleted = purgeExpired();
            if (deleted > 0) {
                LOG.debug("Forgot {} expired request nonces", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired request nonces failed; next try in {}", purgeInterval, e);
        }
    }

    /** Deletes expired rows now and then every {@code interval} after each run ends, until {@link #close()}. */
    public synchronized void purgeEvery(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hub.nonce-purge-interval must be positive: " + interval);
        }
        close();
        purgeInterval = interval;
        purging = FixedDelayTask.start("nonce-purge-", this::purgeSafely, clock.instant(), interval);
    }

    /** Stops the purging; the store still answers. */
    @Override
    public synchronized void close() {
        if (purging != null) {
            purging.shutdown();
            purging = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcNonceStore[client_nonce, purge every " + purgeInterval + "]";
    }
}
