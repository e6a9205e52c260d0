package cn.gov.shanwei.enforcement.app.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shanwei.enforcement.app.identity.MovableClock;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The broker gauges against an external broker that enforces security: a second Artemis broker in this JVM, reached
 * over TCP as in {@code prod}, configured from {@code broker/secured-broker.xml} (the permission lines app/README.md
 * gives operators). With the {@code manage} permission on {@code activemq.management} the gauges show the real
 * depths; without it they show NaN at once, one WARN names the missing permission, and no scrape throws or waits.
 */
class ArtemisQueueCountsSecuredBrokerTest {

    private static final ProviderOperation SEAL = new ProviderOperation(Provider.SEAL, "sign");
    private static final String PASSWORD = "broker-secret";
    private static final Duration SCRAPE_LIMIT = Duration.ofMillis(500);

    private static EmbeddedActiveMQ broker;
    private static String url;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger metricsLogger = (Logger) LoggerFactory.getLogger(DurableQueueMetrics.class);
    private DurableQueueMetrics metrics;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        url = "tcp://127.0.0.1:" + port;
        System.setProperty("secured.broker.port", String.valueOf(port));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser("hub", PASSWORD);
        users.addRole("hub", "hub");
        users.addUser("hub-without-manage", PASSWORD);
        users.addRole("hub-without-manage", "hub-without-manage");
        users.addUser("hub-bare", PASSWORD);
        users.addRole("hub-bare", "hub-bare");
        broker = new EmbeddedActiveMQ().setConfigResourcePath("broker/secured-broker.xml")
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
        try (Connection connection = factory("hub").createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            send(session, SEAL.queue(), 3);
            send(session, SEAL.deadLetterQueue(), 1);
        }
    }

    @AfterAll
    static void stopSecuredBroker() throws Exception {
        System.clearProperty("secured.broker.port");
        if (broker != null) {
            broker.stop();
        }
    }

    @BeforeEach
    void captureWarnings() {
        log.start();
        metricsLogger.addAppender(log);
    }

    @AfterEach
    void close() {
        metricsLogger.detachAppender(log);
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void gauges_withTheManagePermission_showTheRealDepths() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics = MonitoringConfiguration.queueGauges(MonitoringConfiguration.brokerCounts(factory("hub")),
                List.of(SEAL), Clock.systemUTC());
        metrics.bindTo(registry);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(registry.get("hub.durable.queue.depth").tag("queue", SEAL.queue()).gauge().value())
                    .isEqualTo(3.0);
            assertThat(registry.get("hub.durable.dlq.size").tag("queue", SEAL.deadLetterQueue()).gauge().value())
                    .isEqualTo(1.0);
        });
        assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void gauges_withoutTheManagePermission_areUnknownAtOnce_oneWarnNamesIt_andNoScrapeThrowsOrWaits() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger refusals = new AtomicInteger();
        List<Duration> refusalTimes = new CopyOnWriteArrayList<>();
        ArtemisQueueCounts counts = MonitoringConfiguration.brokerCounts(factory("hub-without-manage"));
        QueueCounts watched = queues -> asked(counts, queues, refusals, refusalTimes);
        MovableClock clock = new MovableClock();
        metrics = MonitoringConfiguration.queueGauges(watched, List.of(SEAL), clock);
        metrics.bindTo(registry);

        for (int scrape = 1; scrape <= 4; scrape++) {
            clock.advance(Duration.ofSeconds(1)); // the last answer is old: this scrape asks the broker again
            long started = System.nanoTime();
            double depth = registry.get("hub.durable.queue.depth").tag("queue", SEAL.queue()).gauge().value();
            double dlq = registry.get("hub.durable.dlq.size").tag("queue", SEAL.deadLetterQueue()).gauge().value();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("scrape %d", scrape)
                    .isLessThan(SCRAPE_LIMIT);
            assertThat(depth).isNaN();
            assertThat(dlq).isNaN();
            int scrapes = scrape;
            await().atMost(Duration.ofSeconds(10)).until(() -> refusals.get() == scrapes);
        }

        assertThat(refusalTimes).as("refused by the broker, not waited out").allSatisfy(d ->
                assertThat(d).isLessThan(SCRAPE_LIMIT));
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("manage").contains("activemq.management")
                        .contains("hub-without-manage"));
    }

    @Test
    void messageCounts_refusedTheQuestionAndTheReplyQueuesDeletion_namesTheQuestion() {
        ArtemisQueueCounts counts = MonitoringConfiguration.brokerCounts(factory("hub-bare"));

        assertThatThrownBy(() -> counts.messageCounts(List.of(SEAL.queue())))
                .isInstanceOf(QueueCounts.Refused.class).hasMessageContaining("manage permission on activemq.management")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().satisfies(s ->
                        assertThat(s).hasMessageContaining("DELETE_")));
    }

    /** Asks {@code counts}, counting and timing the refusals. */
    private static Map<String, Long> asked(ArtemisQueueCounts counts, Collection<String> queues, AtomicInteger refusals,
                                           List<Duration> refusalTimes) throws Exception {
        long started = System.nanoTime();
        try {
            return counts.messageCounts(queues);
        } catch (Exception e) {
            refusalTimes.add(Duration.ofNanos(System.nanoTime() - started));
            refusals.incrementAndGet();
            throw e;
        }
    }

    private static ActiveMQConnectionFactory factory(String user) {
        return new ActiveMQConnectionFactory(url, user, PASSWORD);
    }

    private static void send(Session session, String queue, int messages) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            for (int i = 0; i < messages; i++) {
                producer.send(session.createTextMessage("effect " + i));
            }
        }
    }
}
