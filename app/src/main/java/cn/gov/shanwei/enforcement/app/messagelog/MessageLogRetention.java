package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.support.FixedDelayTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@code hub.message-log.retention}: deletes the oldest entries, always a prefix of the chain, and moves the
 * chain's anchor to the first kept entry in the same transaction, so the rest still verifies and a deletion by
 * anyone else is still caught. Runs at start and every {@code hub.message-log.purge-interval}.
 */
public class MessageLogRetention implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MessageLogProperties policy;
    private ThreadPoolTaskScheduler scheduler;

    public MessageLogRetention(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                               MessageLogProperties policy) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    /** Deletes the entries logged more than the retention ago; returns how many. */
    public int purgeNow() {
        return purgeOlderThan(policy.retention());
    }

    /** Deletes the entries logged more than {@code age} ago; returns how many. */
    public int purgeOlderThan(Duration age) {
        Integer deleted = transactions.execute(status -> {
            Map<String, Object> ends = jdbc.sql("SELECT first_seq, last_seq FROM message_log_ends WHERE id = 1"
                    + " FOR UPDATE").query().singleRow();
            Optional<Map<String, Object>> lastExpired = jdbc.sql("""
                            SELECT seq, entry_hash FROM message_log
                            WHERE seq = (SELECT MAX(seq) FROM message_log WHERE logged_at < :cutoff)
                            """)
                    .param("cutoff", Timestamp.from(clock.instant().minus(age))).query().listOfRows().stream()
                    .findFirst();
            if (lastExpired.isEmpty()) {
                return 0;
            }
            long upTo = ((Number) lastExpired.get().get("seq")).longValue();
            int rows = jdbc.sql("DELETE FROM message_log WHERE seq <= :upTo").param("upTo", upTo).update();
            jdbc.sql("UPDATE message_log_ends SET first_seq = :first, anchor_hash = :anchor WHERE id = 1")
                    .param("first", upTo + 1)
                    .param("anchor", ((String) lastExpired.get().get("entry_hash")).trim())
                    .update();
            LOG.info("Message log retention: deleted entries {} to {}", ends.get("first_seq"), upTo);
            return rows;
        });
        return deleted == null ? 0 : deleted;
    }

    private void purgeSafely() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            LOG.warn("Message log retention failed; next try in {}", policy.purgeInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = FixedDelayTask.start("message-log-retention-", this::purgeSafely, clock.instant(),
                policy.purgeInterval());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
