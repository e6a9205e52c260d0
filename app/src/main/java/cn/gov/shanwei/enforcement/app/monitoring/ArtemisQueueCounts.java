package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.app.outbox.HeldMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Message counts of queues, asked of the Artemis broker through its management address over plain JMS, so that the
 * embedded broker and an external one answer alike (an external broker's user needs the {@code manage} permission on
 * {@code activemq.management}). A count includes messages being delivered and those waiting for a redelivery; a
 * queue the broker does not have (a DLQ nothing was dead-lettered to yet) counts 0. A user without {@code manage}
 * is refused on the question's send, which this turns into {@link QueueCounts.Refused}. It also tells which of
 * some messages a queue holds, for the resync with the broker ({@link HeldMessages}, ADR 0412).
 */
public final class ArtemisQueueCounts implements QueueCounts, HeldMessages {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionFactory connectionFactory;
    private final Duration replyTimeout;

    /**
     * @param connectionFactory a factory without cached sessions (the reply queue is temporary)
     * @param replyTimeout      how long to wait for each answer of the broker
     */
    public ArtemisQueueCounts(ConnectionFactory connectionFactory, Duration replyTimeout) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
    }

    @Override
    public Map<String, Long> messageCounts(Collection<String> queues) throws Exception {
        return converse(management -> {
            Set<String> existing = management.queueNames();
            Map<String, Long> counts = new HashMap<>();
            for (String queue : queues) {
                counts.put(queue, existing.contains(queue) ? ((Number) management.ask(ResourceNames.QUEUE + queue,
                        request -> JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue,
                                "messageCount"), "messageCount")).longValue() : 0L);
            }
            return counts;
        });
    }

    /**
     * Asks the queue, in the order a message moves through its states: waiting or paged ({@code countMessages}, after
     * a {@code flushExecutor}), held by a consumer, prefetched included ({@code countDeliveringMessages}), waiting for
     * a delayed redelivery ({@code listScheduledMessagesAsJSON}, only if {@code scheduledCount} is not 0: it takes no
     * filter), and waiting again — so a message that moves once while it is asked is still seen. The counts are
     * filtered on the values and grouped by the property.
     */
    @Override
    public Map<String, Set<String>> held(List<String> queues, String property, Collection<String> values)
            throws Exception {
        Map<String, Set<String>> byQueue = new HashMap<>();
        queues.forEach(queue -> byQueue.put(queue, Set.of()));
        if (values.isEmpty()) {
            return byQueue;
        }
        Set<String> wanted = Set.copyOf(values);
        String filter = property + " IN (" + values.stream().map(ArtemisQueueCounts::literal)
                .collect(Collectors.joining(",")) + ")";
        return converse(management -> {
            Set<String> existing = management.queueNames();
            for (String queue : queues) {
                if (existing.contains(queue)) {
                    Set<String> held = new HashSet<>(management.grouped(queue, "countMessages", filter, property));
                    held.addAll(management.grouped(queue, "countDeliveringMessages", filter, property));
                    held.addAll(management.scheduled(queue, property));
                    held.addAll(management.grouped(queue, "countMessages", filter, property));
                    held.retainAll(wanted);
                    byQueue.put(queue, held);
                }
            }
            return byQueue;
        });
    }

    /** A filter's string literal: quotes doubled. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @FunctionalInterface
    private interface Conversation<T> {
        T with(Management management) throws Exception;
    }

    /** One connection to the management address with a temporary reply queue, deleted at the end. */
    private <T> T converse(Conversation<T> conversation) throws Exception {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            Exception failure = null;
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                 MessageConsumer consumer = session.createConsumer(replies)) {
                connection.start();
                return conversation.with(new Management(session, producer, consumer, replies));
            } catch (Exception e) {
                failure = e;
                throw e;
            } finally {
                deleteReplies(replies, failure);
            }
        }
    }

    @FunctionalInterface
    private interface Question {
        void put(Message request) throws Exception;
    }

    private final class Management {
        private final Session session;
        private final MessageProducer producer;
        private final MessageConsumer consumer;
        private final TemporaryQueue replies;

        Management(Session session, MessageProducer producer, MessageConsumer consumer, TemporaryQueue replies) {
            this.session = session;
            this.producer = producer;
            this.consumer = consumer;
            this.replies = replies;
        }

        Set<String> queueNames() throws Exception {
            return Arrays.stream((Object[]) ask(ResourceNames.BROKER,
                            request -> JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, "queueNames"),
                            "queueNames"))
                    .map(String::valueOf).collect(Collectors.toSet());
        }

        /**
         * The values of {@code property} that the messages {@code count} finds with {@code filter} carry. The queue's
         * executor is flushed first: a message put back (after a rollback, or when its delayed redelivery is due)
         * waits in an intermediate list that no count sees until the executor has moved it.
         */
        Set<String> grouped(String queue, String count, String filter, String property) throws Exception {
            if (count.equals("countMessages")) {
                ask(ResourceNames.QUEUE + queue, request -> JMSManagementHelper.putOperationInvocation(request,
                        ResourceNames.QUEUE + queue, "flushExecutor"), "flushExecutor");
            }
            Object groups = ask(ResourceNames.QUEUE + queue, request -> JMSManagementHelper.putOperationInvocation(
                    request, ResourceNames.QUEUE + queue, count, filter, property), count);
            Set<String> found = new HashSet<>();
            for (Object value : JSON.readValue(String.valueOf(groups), Map.class).keySet()) {
                found.add(String.valueOf(value));
            }
            return found;
        }

        /** The values of {@code property} that the queue's messages waiting for a delayed redelivery carry. */
        Set<String> scheduled(String queue, String property) throws Exception {
            String resource = ResourceNames.QUEUE + queue;
            Object count = ask(resource, request -> JMSManagementHelper.putAttribute(request, resource,
                    "scheduledCount"), "scheduledCount");
            if (((Number) count).longValue() == 0) {
                return Set.of();
            }
            Object listed = ask(resource, request -> JMSManagementHelper.putOperationInvocation(request, resource,
                    "listScheduledMessagesAsJSON"), "listScheduledMessagesAsJSON");
            Set<String> found = new HashSet<>();
            for (Object message : JSON.readValue(String.valueOf(listed), List.class)) {
                if (message instanceof Map<?, ?> map && map.get(property) != null) {
                    found.add(String.valueOf(map.get(property)));
                }
            }
            return found;
        }

        Object ask(String resource, Question question, String what) throws Exception {
            return ArtemisQueueCounts.this.ask(session, producer, consumer, replies, resource, question, what);
        }
    }

    /** Deletes the reply queue; a refusal to delete it never hides why the counts could not be read. */
    private static void deleteReplies(TemporaryQueue replies, Exception failure) throws JMSException {
        try {
            replies.delete();
        } catch (JMSException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private Object ask(Session session, MessageProducer producer, MessageConsumer consumer, TemporaryQueue replies,
                       String resource, Question question, String what) throws Exception {
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        question.put(request);
        try {
            producer.send(request);
        } catch (JMSSecurityException e) {
            // An external broker checks the permission on the send (a durable send waits for it): refused at once.
            throw new Refused("the broker's user may not ask its management address: grant its role the manage "
                    + "permission on " + MANAGEMENT_ADDRESS + " in broker.xml (" + e.getMessage() + ")", e);
        }
        Message reply = consumer.receive(replyTimeout.toMillis());
        if (reply == null) {
            throw new JMSException("The broker did not answer for " + resource + "." + what + " within "
                    + replyTimeout);
        }
        Object result = JMSManagementHelper.getResult(reply);
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new JMSException("The broker refused to tell " + resource + "." + what + ": " + result);
        }
        return result;
    }
}
