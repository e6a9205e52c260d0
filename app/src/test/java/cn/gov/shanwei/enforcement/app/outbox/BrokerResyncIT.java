package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.monitoring.ArtemisQueueCounts;
import cn.gov.shanwei.enforcement.app.ops.DeadLetterQueues;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute;
import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a resync with the broker leaves alone (ADR 0412): messages the broker still holds in the operation's queue,
 * messages in its DLQ (ops' to replay or discard), rows in back-off, and rows settled between the broker's answer and
 * the re-send. One hub for all, in the test JVM; the provider counts every effect.
 */
class BrokerResyncIT {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;
    private static BrokerResync resync;

    @BeforeAll
    static void start() {
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("resync"), provider.baseUrl(), "--hub.durable.stuck-after=2s");
        resync = hub.getBean(BrokerResync.class);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        provider.close();
    }

    /**
     * The broker still holds them, so none is sent again; and should one be sent anyway (forced here, as a resync
     * against a broker still loading its journal would), the consumer's ledger makes the second copy harmless: the
     * provider, which cannot deduplicate, takes each effect once.
     */
    @Test
    void messagesWaitingInTheQueue_areFound_notSentAgain_andACopySentAnywayTakesNoSecondEffect() throws Exception {
        CamelContext camel = hub.getBean(CamelContext.class);
        String route = DurableCallRoute.routeId(HttpEffectHandler.OPERATION);
        camel.getRouteController().stopRoute(route);
        List<String> accepted;
        try {
            accepted = DurableHub.enqueue(hub, "waiting", 50, 50, 25);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("waiting", "QUEUED") == 50);
            awaitQuiet();

            BrokerResync.OperationResult result = resyncTestOperation();

            assertThat(result.checked()).isEqualTo(50);
            assertThat(result.inQueue()).as("the broker still holds every message").isEqualTo(50);
            assertThat(result.resent()).isZero();

            List<BrokerResync.Candidate> held = resync.candidates(HttpEffectHandler.OPERATION,
                    Timestamp.from(Instant.now().minus(QUIET)), 0, 100).stream()
                    .filter(candidate -> candidate.idempotencyKey().startsWith("idem-waiting-")).limit(10).toList();
            assertThat(resync.resend(held)).as("forced copies of held messages").isEqualTo(10);
        } finally {
            camel.getRouteController().startRoute(route);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("waiting", "DONE") == 50);
        // The ten second copies are consumed after their firsts: wait until the queue is empty, then count.
        ArtemisQueueCounts broker = new ArtemisQueueCounts(
                OutboxConfiguration.uncached(hub.getBean(ConnectionFactory.class)), Duration.ofSeconds(2));
        String queue = HttpEffectHandler.OPERATION.queue();
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.messageCounts(List.of(queue)).get(queue) == 0L);
        accepted.forEach(key -> assertThat(provider.effects().get(key)).as(key).isEqualTo(1));
    }

    /**
     * A message waiting out a long back-off sits in the broker's scheduled set, which neither a browser nor a filtered
     * count sees. Made here as the broker makes it: the message taken off the queue and put back with a delivery a
     * minute ahead, its row quiet for an hour.
     */
    @Test
    void aMessageWaitingForADelayedRedelivery_isFound_notSentAgain() throws Exception {
        CamelContext camel = hub.getBean(CamelContext.class);
        String route = DurableCallRoute.routeId(HttpEffectHandler.OPERATION);
        camel.getRouteController().stopRoute(route);
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        try {
            DurableHub.enqueue(hub, "later", 1, 1, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("later", "QUEUED") == 1);
            ConnectionFactory factory = OutboxConfiguration.uncached(hub.getBean(ConnectionFactory.class));
            try (Connection connection = factory.createConnection();
                 Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                connection.start();
                Queue queue = session.createQueue(HttpEffectHandler.OPERATION.queue());
                TextMessage message;
                try (MessageConsumer consumer = session.createConsumer(queue,
                        DurableMessage.IDEMPOTENCY_KEY + " = 'idem-later-0'")) {
                    message = (TextMessage) consumer.receive(5_000);
                }
                TextMessage later = session.createTextMessage(message.getText());
                for (Object name : Collections.list(message.getPropertyNames())) {
                    if (!name.toString().startsWith("JMSX") || name.equals(DurableMessage.GROUP_ID)) {
                        later.setObjectProperty(name.toString(), message.getObjectProperty(name.toString()));
                    }
                }
                try (MessageProducer producer = session.createProducer(queue)) {
                    producer.setDeliveryDelay(Duration.ofMinutes(1).toMillis());
                    producer.send(later);
                }
                session.commit();
            }
            jdbc.sql("UPDATE outbox_message SET queued_at = :old WHERE idempotency_key = 'idem-later-0'")
                    .param("old", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).update();

            BrokerResync.OperationResult result = resyncTestOperation();

            assertThat(result.checked()).isEqualTo(1);
            assertThat(result.inQueue()).as("found among the scheduled messages").isEqualTo(1);
            assertThat(result.resent()).isZero();
        } finally {
            // Ops would wait; the test settles it, so that its message, due in a minute, is acknowledged unsent.
            jdbc.sql("UPDATE outbox_message SET state = 'DISCARDED', discard_reason = 'test over'"
                    + " WHERE idempotency_key = 'idem-later-0'").update();
            camel.getRouteController().startRoute(route);
        }
        assertThat(provider.effects()).doesNotContainKey("later-0");
    }

    @Test
    void aDeadLetteredMessage_isLeftForOps_notSentAgain() {
        provider.unavailableFor("dead-0");
        DurableHub.enqueue(hub, "dead", 1, 1, 1);
        DeadLetterQueues deadLetters = hub.getBean(DeadLetterQueues.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !deadLetters.list(HttpEffectHandler.OPERATION, 10).isEmpty());
        assertThat(rows("dead", "RETRYING")).as("unsettled in the outbox").isEqualTo(1);
        awaitQuiet();

        BrokerResync.OperationResult result = resyncTestOperation();

        assertThat(result.inDeadLetters()).isEqualTo(1);
        assertThat(result.resent()).isZero();
        assertThat(deadLetters.list(HttpEffectHandler.OPERATION, 10)).hasSize(1);
        assertThat(hub.getBean(UnsettledDeliveries.class).refresh().stuck())
                .as("a dead letter stays stuck until ops replay or discard it").isEqualTo(1);
        deadLetters.discard(HttpEffectHandler.OPERATION, "idem-dead-0", "test over");
        provider.cure("dead-0");
        assertThat(provider.effects()).doesNotContainKey("dead-0");
    }

    @Test
    void aRowSettledOrSentBetweenTheCheckAndTheResend_isNotSentAgain() throws Exception {
        CamelContext camel = hub.getBean(CamelContext.class);
        String route = DurableCallRoute.routeId(HttpEffectHandler.OPERATION);
        try {
            camel.getRouteController().stopRoute(route);
            DurableHub.enqueue(hub, "race", 2, 2, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows("race", "QUEUED") == 2);
            awaitQuiet();
            List<BrokerResync.Candidate> candidates = resync.candidates(HttpEffectHandler.OPERATION,
                    Timestamp.from(Instant.now().minus(QUIET)), 0, 100).stream()
                    .filter(candidate -> candidate.idempotencyKey().startsWith("idem-race-")).toList();
            assertThat(candidates).hasSize(2);
            JdbcClient jdbc = hub.getBean(JdbcClient.class);
            // Meanwhile the consumer settles one, and another resync (or hub) sends the other again.
            jdbc.sql("UPDATE outbox_message SET state = 'DONE', settled_at = CURRENT_TIMESTAMP"
                    + " WHERE idempotency_key = 'idem-race-0'").update();
            jdbc.sql("UPDATE outbox_message SET queued_at = CURRENT_TIMESTAMP WHERE idempotency_key = 'idem-race-1'")
                    .update();

            assertThat(resync.resend(candidates)).isZero();
        } finally {
            camel.getRouteController().startRoute(route);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("race", "DONE") == 2);
        assertThat(provider.effects()).as("race-0 was settled by hand, never sent").doesNotContainKey("race-0");
        assertThat(provider.effects().get("race-1")).as("its one message, from the relay").isEqualTo(1);
    }

    /**
     * A broker that cannot be asked (here: stopped, its port refusing connections) is a typed refusal, and nothing is
     * sent: the rows stay as they were, their messages still lost, until a resync that can ask the broker.
     */
    @Test
    void aBrokerThatCannotBeAsked_isBrokerUnavailable_andNothingIsSent() throws Exception {
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        DurableHub.withTestRouteStopped(hub, () -> {
            assertThat(DurableHub.enqueueAndLoseInTheBroker(hub, "unasked", 2)).isEqualTo(2);
            awaitQuiet();
            List<Timestamp> before = queuedAt(jdbc, "unasked");
            int closedPort;
            try (ServerSocket free = new ServerSocket(0)) {
                closedPort = free.getLocalPort();
            }
            BrokerResync stopped = new BrokerResync(jdbc, hub.getBean(PlatformTransactionManager.class),
                    new JmsTemplate(hub.getBean(ConnectionFactory.class)),
                    new ArtemisQueueCounts(new ActiveMQConnectionFactory(
                            "tcp://127.0.0.1:" + closedPort), Duration.ofSeconds(2)),
                    resync.operations(), hub.getBean(DurableProperties.class),
                    hub.getBean(UnsettledDeliveries.class), Clock.systemUTC());

            assertThatThrownBy(() -> stopped.resync(List.of(HttpEffectHandler.OPERATION), QUIET, 1_000))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("Cannot ask the broker which messages of " + HttpEffectHandler.OPERATION.id())
                    .hasMessageContaining("nothing was sent")
                    .satisfies(e -> assertThat(((BrokerUnavailableException) e).resentBefore()).isZero());

            assertThat(rows("unasked", "QUEUED")).isEqualTo(2);
            assertThat(queuedAt(jdbc, "unasked")).as("no row touched").isEqualTo(before);
            assertThat(DurableHub.removeFromTheBroker(hub, "idem-unasked-")).as("no message sent").isZero();

            BrokerResync.OperationResult healed = resyncTestOperation();
            assertThat(healed.resent()).as("a broker that answers: both sent again").isEqualTo(2);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("unasked", "DONE") == 2);
        assertThat(provider.effects()).containsEntry("unasked-0", 1).containsEntry("unasked-1", 1);
    }

    private static List<Timestamp> queuedAt(JdbcClient jdbc, String prefix) {
        return jdbc.sql("SELECT queued_at FROM outbox_message WHERE business_key LIKE :prefix ORDER BY id")
                .param("prefix", prefix + "-%").query(Timestamp.class).list();
    }

    @Test
    void aThresholdShorterThanTwoBackOffs_isRefused() {
        assertThatThrownBy(() -> resync.resync(resync.operations(), Duration.ofMillis(500), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("olderThan must be at least PT0.8S");
    }

    private static BrokerResync.OperationResult resyncTestOperation() {
        return resync.resync(List.of(HttpEffectHandler.OPERATION), QUIET, 1_000).operations().get(0);
    }

    private static void awaitQuiet() {
        try {
            Thread.sleep(QUIET.toMillis() + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String prefix, String state) {
        return hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM outbox_message WHERE business_key LIKE :prefix AND state = :state")
                .param("prefix", prefix + "-%")
                .param("state", state)
                .query(Long.class).single();
    }
}
