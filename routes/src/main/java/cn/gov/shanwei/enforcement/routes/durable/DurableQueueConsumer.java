package cn.gov.shanwei.enforcement.routes.durable;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The durable consumer threads of one operation queue (ADR 0407). Each thread keeps one connection and one locally
 * transacted session and repeats: take a batch, let the route deliver it, commit if every message was delivered,
 * roll back otherwise. Nothing is acknowledged before the route returns, and the route returns only after the
 * batch's outcomes are committed in the ledger.
 *
 * <p>A rollback redelivers every message of the batch, the delivered ones too (they are then acknowledged as settled
 * without calling anybody, but the broker counts the delivery). So that a delivered message is not rolled back again
 * and again with a failing one until the broker dead-letters it:
 * <ul>
 *   <li>a redelivered message ({@code JMSXDeliveryCount > 1}) that comes first is delivered alone, and one that
 *       comes later ends its batch, so no two redelivered messages ever share a transaction;</li>
 *   <li>after a batch failed, the thread takes one message per transaction until one is delivered again (a provider
 *       outage thus never mixes a settled message with a string of failing first deliveries).</li>
 * </ul>
 * A delivered message can therefore be rolled back again only together with a first delivery that fails at the first
 * failure after a success of its thread: to reach the dead-letter queue it would need that to happen on each of its
 * remaining deliveries.
 *
 * <p>Stopping (route stop, hub shutdown) lets every thread finish the batch in hand; a thread still busy after the
 * stop timeout has its connection closed, which rolls its batch back (the ledger recognises what was delivered). A
 * thread waiting for a message has nothing in hand: its connection is closed at once, which ends the wait (without
 * this every queue's stop took up to the receive timeout, and a hub with many queues stopped queue after queue). A
 * message that arrives just then is not delivered; it goes back to the queue with the closed session.
 */
public class DurableQueueConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DurableQueueConsumer.class);
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DurableQueueEndpoint endpoint;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    DurableQueueConsumer(DurableQueueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        stopping = new CountDownLatch(1);
        for (int i = 1; i <= endpoint.consumers(); i++) {
            Worker worker = new Worker();
            Thread thread = endpoint.getCamelContext().getExecutorServiceManager()
                    .newThread("DurableQueue[" + endpoint.queue() + "] #" + i, worker);
            thread.setDaemon(true);
            worker.thread = thread;
            workers.add(worker);
            thread.start();
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        stopping.countDown();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        workers.forEach(Worker::wakeIfWaiting);
        for (Worker worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (worker.thread.isAlive()) {
                LOG.warn("{} did not finish its batch within {}; closing its connection (the batch is rolled back)",
                        worker.thread.getName(), STOP_TIMEOUT);
                worker.forceClose();
            }
        }
        workers.clear();
        super.doStop();
    }

    /** One consumer thread with its own connection, session and consumer. */
    private final class Worker implements Runnable {

        /** Waiting for a message, nothing in hand: a stop may close the connection. */
        private static final int WAITING = 0;
        /** Holding a batch (or between batches): a stop lets it finish. */
        private static final int BUSY = 1;
        /** Woken by a stop while waiting: whatever the wait returns is not delivered. */
        private static final int WOKEN = 2;

        private final AtomicInteger phase = new AtomicInteger(BUSY);
        private Thread thread;
        private volatile Connection connection;
        private volatile boolean broken;
        private Session session;
        private MessageConsumer consumer;

        @Override
        public void run() {
            boolean solo = false;
            Duration reconnectDelay = FIRST_RECONNECT_DELAY;
            while (running) {
                try {
                    if (consumer == null) {
                        open();
                    }
                    phase.set(WAITING);
                    if (!running) {
                        break;
                    }
                    List<Message> batch = receive(solo);
                    if (!phase.compareAndSet(WAITING, BUSY)) {
                        break;   // stopped while waiting: the connection is closed, the batch goes back
                    }
                    if (broken) {
                        throw new JMSException("the connection to the broker failed");
                    }
                    if (batch.isEmpty()) {
                        continue;
                    }
                    LOG.debug("{}: a batch of {}", endpoint.queue(), batch.size());
                    boolean delivered = deliver(batch);
                    if (delivered) {
                        session.commit();
                    } else {
                        session.rollback();
                    }
                    solo = !delivered;
                    reconnectDelay = FIRST_RECONNECT_DELAY;
                } catch (JMSException | RuntimeException e) {
                    close();
                    if (!running) {
                        break;
                    }
                    if (e instanceof JMSException || e instanceof JMSRuntimeException) {
                        LOG.warn("{}: broker connection lost or refused ({}); reconnecting in {} ms",
                                endpoint.queue(), e.toString(), reconnectDelay.toMillis());
                    } else {
                        LOG.error("{}: durable consumer failed; reconnecting in {} ms", endpoint.queue(),
                                reconnectDelay.toMillis(), e);
                    }
                    if (awaitStop(reconnectDelay)) {
                        break;
                    }
                    reconnectDelay = reconnectDelay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0
                            ? MAX_RECONNECT_DELAY : reconnectDelay.multipliedBy(2);
                }
            }
            close();
        }

        private void open() throws JMSException {
            broken = false;
            Connection opened = endpoint.connectionFactory().createConnection();
            connection = opened;
            opened.setExceptionListener(failure -> broken = true);
            session = opened.createSession(true, Session.SESSION_TRANSACTED);
            consumer = session.createConsumer(session.createQueue(endpoint.queue()));
            opened.start();
        }

        /**
         * The next batch: the first message waits up to the receive timeout, the others only if already there. A
         * redelivered first message, or any first message while {@code solo}, is a batch of its own; a redelivered
         * later one ends the batch.
         */
        private List<Message> receive(boolean solo) throws JMSException {
            Message first = consumer.receive(endpoint.receiveTimeout().toMillis());
            if (first == null) {
                return List.of();
            }
            List<Message> batch = new ArrayList<>();
            batch.add(first);
            if (solo || redelivered(first)) {
                return batch;
            }
            while (batch.size() < endpoint.batchSize()) {
                Message next = consumer.receiveNoWait();
                if (next == null) {
                    break;
                }
                batch.add(next);
                if (redelivered(next)) {
                    break;
                }
            }
            return batch;
        }

        /** Lets the route deliver the batch; true if every message was delivered (then, and only then, commit). */
        private boolean deliver(List<Message> batch) throws JMSException {
            List<QueuedMessage> messages = new ArrayList<>(batch.size());
            for (Message message : batch) {
                messages.add(queued(message));
            }
            Exchange exchange = createExchange(false);
            try {
                exchange.getMessage().setBody(messages);
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                Exception failure = exchange.getException();
                if (failure == null) {
                    return true;
                }
                if (failure instanceof BatchNotDeliveredException notDelivered) {
                    LOG.warn("{}: {}; rolled back for the broker to redeliver", endpoint.queue(),
                            notDelivered.getMessage());
                } else {
                    LOG.warn("{}: a batch of {} failed; rolled back for the broker to redeliver", endpoint.queue(),
                            batch.size(), failure);
                }
                return false;
            } finally {
                releaseExchange(exchange, false);
            }
        }

        private boolean awaitStop(Duration delay) {
            try {
                return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        private void close() {
            session = null;
            consumer = null;
            forceClose();
            connection = null;
        }

        /** Ends the wait of a thread that has nothing in hand (called by {@link #doStop}). */
        private void wakeIfWaiting() {
            if (phase.compareAndSet(WAITING, WOKEN)) {
                forceClose();
            }
        }

        /** Closes the connection from any thread; an unfinished transaction is rolled back by the broker. */
        private void forceClose() {
            Connection open = connection;
            if (open != null) {
                try {
                    open.close();
                } catch (JMSException | JMSRuntimeException e) {
                    LOG.debug("closing a durable consumer's connection failed", e);
                }
            }
        }
    }

    private static boolean redelivered(Message message) throws JMSException {
        return deliveryCount(message) > 1;
    }

    private static int deliveryCount(Message message) throws JMSException {
        return message.propertyExists(DurableMessage.DELIVERY_COUNT)
                ? message.getIntProperty(DurableMessage.DELIVERY_COUNT) : 1;
    }

    private static QueuedMessage queued(Message message) throws JMSException {
        Map<String, Object> properties = new HashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            Object value = message.getObjectProperty(name.toString());
            if (value != null) {
                properties.put(name.toString(), value);
            }
        }
        String body = message instanceof TextMessage text ? text.getText() : null;
        return new QueuedMessage(body, properties, deliveryCount(message));
    }
}
