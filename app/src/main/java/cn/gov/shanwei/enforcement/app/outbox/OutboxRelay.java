package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves committed outbox entries to their operation's persistent queue. One batch is one database transaction
 * wrapped around one JMS transaction: the rows are claimed ({@code PENDING → QUEUED}, which also keeps a second hub
 * instance off them), the messages sent and the JMS transaction committed, then the rows commit. A crash before the
 * JMS commit sends nothing; a crash between the two commits leaves the rows {@code PENDING}, so they are sent again
 * and the consumer's ledger drops the duplicate. Nothing is lost, nothing takes effect twice.
 *
 * <p>Ordering: an entry is sent only when every earlier entry of its case is settled, so at most one message per
 * case is ever in flight and broker redelivery cannot reorder a case's effects.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JmsTemplate jms;
    private final RelayTrigger trigger;
    private final Clock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, JmsTemplate jms,
                       RelayTrigger trigger, Clock clock, DurableProperties properties) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tx = new TransactionTemplate(transactions);
        this.jms = Objects.requireNonNull(jms, "jms");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = properties.relayBatchSize();
        this.pollInterval = properties.relayPollInterval();
    }

    /** An outbox row as it is sent (also by the resync with the broker, {@link BrokerResync}). */
    record Entry(long id, ProviderOperation operation, String businessKey, String orderingKey,
                 String payload, CallContext context) {

        /** The columns {@link #of} reads, of a query on {@code outbox_message o}. */
        static final String COLUMNS = "o.id, o.operation, o.idempotency_key, o.business_key, o.ordering_key,"
                + " o.payload, o.calling_system, o.officer_id, o.case_number, o.matter_code, o.trace_id";

        static Entry of(ResultSet rs) throws SQLException {
            return new Entry(rs.getLong("id"), ProviderOperation.parse(rs.getString("operation")),
                    rs.getString("business_key"), rs.getString("ordering_key"), rs.getString("payload"),
                    new CallContext(rs.getString("calling_system"), rs.getString("officer_id"),
                            rs.getString("case_number"), rs.getString("matter_code"),
                            rs.getString("idempotency_key"), rs.getString("trace_id")));
        }
    }

    /**
     * Relays one batch.
     *
     * @return how many entries were sent
     */
    public int relayOnce() {
        Integer sent;
        try {
            sent = tx.execute(status -> relay(true));
        } catch (ClaimRaced raced) {
            // Another hub instance claimed some of the same rows meanwhile: nothing was sent; claim row by row.
            sent = tx.execute(status -> relay(false));
        }
        return sent == null ? 0 : sent;
    }

    /** Claims the eligible entries ({@code PENDING → QUEUED}), sends them and commits the JMS transaction. */
    private int relay(boolean allAtOnce) {
        List<Entry> eligible = eligible();
        if (eligible.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Entry> claimed;
        if (allAtOnce) {
            int updated = jdbc.sql("""
                            UPDATE outbox_message SET state = 'QUEUED', queued_at = :now
                            WHERE id IN (:ids) AND state = 'PENDING'
                            """)
                    .param("now", now)
                    .param("ids", eligible.stream().map(Entry::id).toList())
                    .update();
            if (updated != eligible.size()) {
                throw new ClaimRaced();
            }
            claimed = eligible;
        } else {
            claimed = new ArrayList<>();
            for (Entry entry : eligible) {
                int updated = jdbc.sql("""
                                UPDATE outbox_message SET state = 'QUEUED', queued_at = :now
                                WHERE id = :id AND state = 'PENDING'
                                """)
                        .param("now", now)
                        .param("id", entry.id())
                        .update();
                if (updated == 1) {
                    claimed.add(entry);
                }
            }
        }
        if (!claimed.isEmpty()) {
            send(jms, claimed);
        }
        return claimed.size();
    }

    /** The set-based claim found rows another relay had taken: roll back (nothing was sent) and claim one by one. */
    private static final class ClaimRaced extends RuntimeException {
        ClaimRaced() {
            super("another relay claimed some of the same outbox rows", null, false, false);
        }
    }

    /**
     * Pending entries whose case has no earlier entry still unsettled, oldest first. Ordered by {@code (state, id)},
     * which with {@code state = 'PENDING'} is the id order: H2 then reads the index {@code (state, id)} in order and
     * stops at the limit, where {@code ORDER BY id} alone made it evaluate and sort every pending row (seconds per
     * batch at 100,000 pending rows; ADR 0407).
     */
    private List<Entry> eligible() {
        return jdbc.sql("SELECT " + Entry.COLUMNS + """

                        FROM outbox_message o
                        WHERE o.state = 'PENDING'
                          AND NOT EXISTS (SELECT 1 FROM outbox_message p
                                          WHERE p.ordering_key = o.ordering_key AND p.id < o.id
                                            AND p.state NOT IN ('DONE', 'DISCARDED'))
                        ORDER BY o.state, o.id
                        LIMIT :limit
                        """)
                .param("limit", batchSize)
                .query((rs, n) -> Entry.of(rs))
                .list();
    }

    /** Sends the entries' messages in one JMS transaction of {@code jms} (session-transacted), committed at the end. */
    static void send(JmsTemplate jms, List<Entry> entries) {
        jms.execute(session -> {
            Map<String, MessageProducer> producers = new HashMap<>();
            try {
                for (Entry entry : entries) {
                    MessageProducer producer = producers.computeIfAbsent(entry.operation().queue(),
                            queue -> createProducer(session, queue));
                    TextMessage message = session.createTextMessage(entry.payload());
                    for (Map.Entry<String, String> property : DurableMessage.properties(entry.operation(),
                            entry.businessKey(), entry.orderingKey(), entry.context()).entrySet()) {
                        message.setStringProperty(property.getKey(), property.getValue());
                    }
                    producer.send(message);
                }
                session.commit();
            } finally {
                for (MessageProducer producer : producers.values()) {
                    producer.close();
                }
            }
            return null;
        }, false);
    }

    private static MessageProducer createProducer(Session session, String queue) {
        try {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            return producer;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot send to " + queue, e);
        }
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int sent = relayOnce();
                backoff = pollInterval;
                if (sent < batchSize) {
                    trigger.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay failed; retrying in {} ms", backoff.toMillis(), e);
                try {
                    trigger.await(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_ERROR_BACKOFF) > 0 ? MAX_ERROR_BACKOFF
                        : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the batch in hand: a batch is never cut in half (it is one transaction anyway). */
    @Override
    public synchronized void stop() {
        running = false;
        trigger.signal();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
