package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batching consumer (ADR 0407) with one consumer thread, so that a backlog is taken in batches of 50: refused
 * ("poison") effects in the middle of batches make those batches roll back again and again, yet only the poison
 * messages reach the dead-letter queue, and every other effect of those batches is delivered exactly once.
 */
class DurableBatchIT {

    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void start() {
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("durable-batch"), provider.baseUrl(),
                "--hub.durable.consumers=1", "--hub.durable.consumer-batch-size=50");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        provider.close();
    }

    @Test
    void poisonInsideBatches_onlyThePoisonIsDeadLettered_andTheRestOfItsBatchesIsDeliveredOnce() {
        List<String> poison = List.of("batch-7", "batch-33", "batch-61", "batch-62", "batch-140");
        poison.forEach(provider::poison);
        // One transaction, each effect its own case: the relay sends them together, the consumer takes 50 at a time.
        List<String> accepted = DurableHub.enqueue(hub, "batch", 150, 150, 150);
        List<String> others = accepted.stream().filter(key -> !poison.contains(key)).toList();

        await().atMost(Duration.ofSeconds(90)).until(() -> provider.effects().keySet().containsAll(others));
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters().size() == poison.size());

        assertThat(deadLetters()).as("only the refused effects are dead-lettered")
                .containsExactlyInAnyOrderElementsOf(poison.stream().map(key -> "idem-" + key).toList());
        Map<String, Integer> effects = provider.effects();
        assertThat(others).allSatisfy(key -> assertThat(effects.get(key)).as(key).isEqualTo(1));
        assertThat(effects).doesNotContainKeys(poison.toArray(String[]::new));
        // Each effect is sent once and each refusal asked once, but for an attempt whose answer never came (a timeout
        // on a loaded machine): a refusal is not an effect, so a poison key is asked again after one. An effect is
        // never sent twice: the consumer asks the provider first (the counts of one above).
        long unanswered = unansweredAttempts();
        assertThat(provider.posts()).as("each effect sent once, each refusal asked once (%d attempts unanswered)",
                unanswered).isBetween(150, 150 + (int) unanswered);
        await().untilAsserted(() -> assertThat(rowsByState())
                .containsEntry("DONE", (long) others.size()).containsEntry("REJECTED", (long) poison.size()));
        poison.forEach(provider::cure);
    }

    private static List<String> deadLetters() {
        JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
        try {
            return jms.browse("DLQ::" + HttpEffectHandler.OPERATION.deadLetterQueue(), (session, browser) -> {
                List<String> keys = new ArrayList<>();
                for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                    keys.add(((Message) e.nextElement()).getStringProperty(DurableMessage.IDEMPOTENCY_KEY));
                }
                return keys;
            });
        } catch (RuntimeException noDeadLetterQueueYet) {
            return List.of();
        }
    }

    /** Attempts of this operation that failed without the provider's answer: it may have had the request. */
    private static long unansweredAttempts() {
        return hub.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM provider_call WHERE provider = ? AND operation = ?"
                        + " AND fault_code IN ('ProviderTransportException', 'ProviderTimeoutException')")
                .params(HttpEffectHandler.OPERATION.provider().code(), HttpEffectHandler.OPERATION.name())
                .query(Long.class).single();
    }

    private static Map<String, Long> rowsByState() {
        return hub.getBean(JdbcClient.class)
                .sql("SELECT state FROM outbox_message WHERE business_key LIKE 'batch-%'")
                .query((rs, n) -> rs.getString(1)).list().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
