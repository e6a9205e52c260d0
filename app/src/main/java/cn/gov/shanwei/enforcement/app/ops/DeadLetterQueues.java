package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.outbox.RelayTrigger;
import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dead-letter queues of the durable operations, for ops: browse them with what the outbox knows of each
 * message, replay a message to its operation's queue, or discard it with a reason. Works over plain JMS, so it serves
 * the embedded broker and an external Artemis alike (the DLQ is addressed by its fully qualified name
 * {@code DLQ::DLQ.<queue>}, as the broker's address settings create it).
 *
 * <p>Each replay or discard is one JMS transaction around one database transaction: the message is taken from the
 * DLQ, the outbox row updated and committed, then the JMS transaction commits. A failure before the end leaves the
 * message in the DLQ; the row change it may leave behind is harmless and the action can be repeated.
 */
public class DeadLetterQueues {

    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final long RECEIVE_TIMEOUT_MS = 2_000;
    private static final List<String> COPIED_PROPERTIES = List.of(DurableMessage.OPERATION,
            DurableMessage.IDEMPOTENCY_KEY, DurableMessage.BUSINESS_KEY, DurableMessage.CALLING_SYSTEM,
            DurableMessage.OFFICER_ID, DurableMessage.CASE_NUMBER, DurableMessage.MATTER_CODE,
            DurableMessage.TRACE_ID, DurableMessage.GROUP_ID);

    private final ConnectionFactory connectionFactory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Set<ProviderOperation> operations;
    private final RelayTrigger trigger;
    private final Clock clock;

    public DeadLetterQueues(ConnectionFactory connectionFactory, JdbcClient jdbc,
                            PlatformTransactionManager transactions, Set<ProviderOperation> operations,
                            RelayTrigger trigger, Clock clock) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.operations = Set.copyOf(operations);
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The durable operations, sorted by id. */
    public List<ProviderOperation> operations() {
        return operations.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /**
     * @throws DeadLetterNotFoundException if no durable operation has this id
     */
    public ProviderOperation operation(String id) {
        try {
            ProviderOperation operation = ProviderOperation.parse(id);
            if (operations.contains(operation)) {
                return operation;
            }
        } catch (IllegalArgumentException e) {
            // reported below, in the same words as an unknown one
        }
        throw new DeadLetterNotFoundException("No durable operation " + id + "; known: "
                + operations().stream().map(ProviderOperation::id).toList());
    }

    /** Up to {@code limit} dead letters of an operation, oldest first, without payloads. */
    public List<DeadLetter> list(ProviderOperation operation, int limit) {
        return browse(operation, null, limit).stream().map(DeadLetter::summary).toList();
    }

    /**
     * @throws DeadLetterNotFoundException if the message is not in the operation's DLQ
     */
    public DeadLetter inspect(ProviderOperation operation, String idempotencyKey) {
        List<DeadLetter> found = browse(operation, selector(operation, idempotencyKey), 1);
        if (found.isEmpty()) {
            throw notFound(operation, idempotencyKey);
        }
        return found.get(0);
    }

    /**
     * Moves one message back to its operation's queue. The consumer treats it as a retry: a provider that cannot
     * deduplicate is asked first whether the earlier attempts took effect.
     *
     * @throws DeadLetterNotFoundException if the message is not in the operation's DLQ
     */
    public void replay(ProviderOperation operation, String idempotencyKey) {
        String selector = selector(operation, idempotencyKey);
        inTransactedSession(session -> {
            Message message = take(session, operation, selector, idempotencyKey);
            TextMessage copy = session.createTextMessage(((TextMessage) message).getText());
            for (String name : COPIED_PROPERTIES) {
                String value = message.getStringProperty(name);
                if (value != null) {
                    copy.setStringProperty(name, value);
                }
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(operation.queue()))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(copy);
            }
            // A refusal is lifted: ops replays after fixing its cause (at the provider or in our data).
            tx.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE outbox_message SET state = 'RETRYING'
                            WHERE idempotency_key = :key AND state IN ('REJECTED', 'ATTEMPTING', 'RETRYING')
                            """)
                    .param("key", idempotencyKey).update());
            session.commit();
        });
    }

    /**
     * Replays every message of an operation's DLQ.
     *
     * @return how many were replayed
     */
    public int replayAll(ProviderOperation operation) {
        int replayed = 0;
        for (DeadLetter letter : browse(operation, null, Integer.MAX_VALUE)) {
            try {
                replay(operation, letter.idempotencyKey());
                replayed++;
            } catch (DeadLetterNotFoundException alreadyGone) {
                // replayed or discarded meanwhile by someone else
            }
        }
        return replayed;
    }

    /**
     * Removes a message from the DLQ for good: its effect will never be sent, and later effects of its case, which
     * waited for it, go ahead.
     *
     * @throws DeadLetterNotFoundException if the message is not in the operation's DLQ
     */
    public void discard(ProviderOperation operation, String idempotencyKey, String reason) {
        String selector = selector(operation, idempotencyKey);
        inTransactedSession(session -> {
            take(session, operation, selector, idempotencyKey);
            tx.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE outbox_message SET state = 'DISCARDED', discard_reason = :reason, settled_at = :now
                            WHERE idempotency_key = :key AND state NOT IN ('DONE', 'DISCARDED')
                            """)
                    .param("reason", reason)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("key", idempotencyKey)
                    .update());
            session.commit();
        });
        trigger.signal();
    }

    private Message take(Session session, ProviderOperation operation, String selector, String idempotencyKey)
            throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(fqqn(operation)), selector)) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (!(message instanceof TextMessage)) {
                throw notFound(operation, idempotencyKey);
            }
            return message;
        } catch (InvalidDestinationException e) {
            throw notFound(operation, idempotencyKey);
        }
    }

    private List<DeadLetter> browse(ProviderOperation operation, String selector, int limit) {
        List<Map<String, String>> found = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(fqqn(operation)), selector)) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && found.size() < limit) {
                Message message = (Message) messages.nextElement();
                Map<String, String> properties = new LinkedHashMap<>();
                for (Object name : Collections.list(message.getPropertyNames())) {
                    properties.put(name.toString(), String.valueOf(message.getObjectProperty(name.toString())));
                }
                found.add(properties);
                payloads.add(message instanceof TextMessage text ? text.getText() : null);
            }
        } catch (InvalidDestinationException noDeadLetterYet) {
            return List.of();
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + operation.deadLetterQueue(), e);
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            letters.add(withOutboxRow(operation, found.get(i), payloads.get(i)));
        }
        return letters;
    }

    private DeadLetter withOutboxRow(ProviderOperation operation, Map<String, String> properties, String payload) {
        String key = properties.get(DurableMessage.IDEMPOTENCY_KEY);
        return jdbc.sql("""
                        SELECT business_key, case_number, state, attempts, last_error, last_attempt_at, created_at
                        FROM outbox_message WHERE idempotency_key = ?
                        """)
                .param(key)
                .query((rs, n) -> new DeadLetter(operation.id(), key, rs.getString("business_key"),
                        rs.getString("case_number"), rs.getString("state"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs.getTimestamp("last_attempt_at")),
                        instant(rs.getTimestamp("created_at")), payload, properties))
                .optional()
                .orElseGet(() -> new DeadLetter(operation.id(), key, properties.get(DurableMessage.BUSINESS_KEY),
                        properties.get(DurableMessage.CASE_NUMBER), null, null,
                        "the outbox holds no entry for this message", null, null, payload, properties));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String selector(ProviderOperation operation, String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw notFound(operation, idempotencyKey);
        }
        return DurableMessage.IDEMPOTENCY_KEY + " = '" + idempotencyKey + "'";
    }

    private static String fqqn(ProviderOperation operation) {
        return "DLQ::" + operation.deadLetterQueue();
    }

    private static DeadLetterNotFoundException notFound(ProviderOperation operation, String key) {
        return new DeadLetterNotFoundException("No message with idempotency key " + key + " is in the dead-letter"
                + " queue of " + operation.id());
    }

    @FunctionalInterface
    private interface SessionWork {
        void run(Session session) throws JMSException;
    }

    private void inTransactedSession(SessionWork work) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            work.run(session);
        } catch (JMSException e) {
            throw new IllegalStateException("The broker failed during a dead-letter action", e);
        }
    }
}
