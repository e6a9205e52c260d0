package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.HubApplication;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute;
import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.apache.camel.CamelContext;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Starts a hub with the test effect handler, and plays the use case that enqueues side effects. */
public final class DurableHub {

    /** Fast broker back-off so retries and dead-lettering fit in a test. */
    public static final int MAX_DELIVERY_ATTEMPTS = 8;

    private DurableHub() {
    }

    public static String[] arguments(Path dataDir, URI provider, String... extra) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of(
                "--hub.data-dir=" + dataDir,
                "--test.effect-provider.url=" + provider,
                "--hub.durable.redelivery-delay=100ms",
                "--hub.durable.max-redelivery-delay=400ms",
                "--hub.durable.max-delivery-attempts=" + MAX_DELIVERY_ATTEMPTS,
                "--hub.durable.relay-poll-interval=100ms",
                "--hub.durable.consumers=8",
                // Short enough for the test's fast redelivery (OutboxConfiguration refuses a span under 2 waits).
                "--hub.providers.licence.open-state-wait=1s",
                "--hub.providers.exchange.open-state-wait=1s",
                "--hub.providers.payment.open-state-wait=1s",
                "--hub.providers.seal.open-state-wait=1s",
                "--hub.providers.map.open-state-wait=1s",
                "--server.port=0")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        // A repeated key would bind as a list: an extra argument replaces the default of its key.
        for (String arg : extra) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return args.values().toArray(String[]::new);
    }

    public static ConfigurableApplicationContext start(Path dataDir, URI provider, String... extra) {
        return new SpringApplicationBuilder(HubApplication.class, EffectHandlerTestConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments(dataDir, provider, extra));
    }

    /**
     * Enqueues {@code count} effects spread over {@code cases} cases, {@code perTransaction} to a transaction, as a
     * use case would; returns the business keys in the order they were accepted.
     */
    public static List<String> enqueue(ConfigurableApplicationContext hub, String prefix, int count, int cases,
                                int perTransaction) {
        Outbox outbox = hub.getBean(Outbox.class);
        TransactionTemplate tx = new TransactionTemplate(hub.getBean(PlatformTransactionManager.class));
        List<String> accepted = new ArrayList<>();
        for (int start = 0; start < count; start += perTransaction) {
            int from = start;
            List<String> batch = tx.execute(status -> {
                List<String> keys = new ArrayList<>();
                for (int i = from; i < Math.min(from + perTransaction, count); i++) {
                    String businessKey = prefix + "-" + i;
                    outbox.enqueue(HttpEffectHandler.OPERATION, businessKey, "{\"n\":" + i + "}",
                            context(prefix + "-case-" + (i % cases), businessKey));
                    keys.add(businessKey);
                }
                return keys;
            });
            accepted.addAll(batch);
        }
        return accepted;
    }

    public static CallContext context(String caseNumber, String businessKey) {
        return new CallContext("case-platform", "officer-007", caseNumber, "330217001000", "idem-" + businessKey,
                "trace-" + businessKey);
    }

    /** Outbox rows by state. */
    public static Map<String, Long> states(ConfigurableApplicationContext hub) {
        return hub.getBean(JdbcClient.class).sql("SELECT state FROM outbox_message")
                .query((rs, n) -> rs.getString(1)).list().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    /** Runs {@code body} with the test operation's consumer route stopped (its messages wait in the broker). */
    public static <T> T withTestRouteStopped(ConfigurableApplicationContext hub, Callable<T> body) throws Exception {
        CamelContext camel = hub.getBean(CamelContext.class);
        String route = DurableCallRoute.routeId(HttpEffectHandler.OPERATION);
        camel.getRouteController().stopRoute(route);
        try {
            return body.call();
        } finally {
            camel.getRouteController().startRoute(route);
        }
    }

    /**
     * With the test operation's route stopped: enqueues {@code count} effects (one case each), waits until the relay
     * has sent them, and takes their messages off the queue behind the hub's back, leaving their rows {@code QUEUED}.
     *
     * @return how many messages were taken off
     */
    public static int enqueueAndLoseInTheBroker(ConfigurableApplicationContext hub, String prefix, int count)
            throws Exception {
        enqueue(hub, prefix, count, count, count);
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_message"
                        + " WHERE business_key LIKE :prefix AND state = 'QUEUED'").param("prefix", prefix + "-%")
                .query(Integer.class).single() == count);
        return removeFromTheBroker(hub, "idem-" + prefix + "-");
    }

    /**
     * Takes the messages of the test operation whose idempotency key starts with {@code prefix} off its queue, behind
     * the hub's back, as a broker that lost its journal would; returns how many.
     */
    public static int removeFromTheBroker(ConfigurableApplicationContext hub, String prefix) throws Exception {
        ConnectionFactory factory = OutboxConfiguration.uncached(hub.getBean(ConnectionFactory.class));
        int removed = 0;
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            try (MessageConsumer consumer = session.createConsumer(
                    session.createQueue(HttpEffectHandler.OPERATION.queue()),
                    DurableMessage.IDEMPOTENCY_KEY + " LIKE '" + prefix + "%'")) {
                while (consumer.receive(500) != null) {
                    removed++;
                }
            }
            session.commit();
        }
        return removed;
    }
}
