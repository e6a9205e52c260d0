package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable path on a pool whose every connection is taken for a while (ADR 0521): the relay and the consumers meet
 * the pool's timeout, lose nothing, and deliver every accepted effect exactly once when the connections come back.
 */
class DurablePoolExhaustedIT {

    private static final int POOL = 4;
    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void start() {
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("durable-pool"), provider.baseUrl(),
                "--spring.datasource.hikari.maximum-pool-size=" + POOL,
                "--spring.datasource.hikari.minimum-idle=" + POOL,
                "--spring.datasource.hikari.connection-timeout=300");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        provider.close();
    }

    @Test
    void effectsAcceptedJustBeforeThePoolRunsDry_areDeliveredOnceEach_whenConnectionsComeBack() throws Exception {
        DataSource dataSource = hub.getBean(DataSource.class);
        List<Connection> held = new ArrayList<>();
        List<String> accepted;
        int deliveredWhileHeld;
        try {
            hold(dataSource, held, POOL - 1);
            accepted = DurableHub.enqueue(hub, "dry", 40, 8, 10);
            hold(dataSource, held, POOL);
            // Long enough for several timeouts of the relay and the consumers, short of the test broker's last
            // redelivery (DurableHub: 8 attempts, back-off 100 ms to 400 ms).
            Thread.sleep(1_200);
            deliveredWhileHeld = (int) provider.effects().keySet().stream().filter(k -> k.startsWith("dry-")).count();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(deliveredWhileHeld).as("the pool ran dry with work left").isLessThan(accepted.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> provider.effects().keySet().containsAll(accepted));
        Map<String, Integer> effects = provider.effects();
        assertThat(accepted).allSatisfy(key -> assertThat(effects.get(key)).as(key).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT state FROM outbox_message WHERE business_key LIKE 'dry-%'")
                .query((rs, n) -> rs.getString(1)).list().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()))).containsOnlyKeys("DONE"));
    }

    /** Borrows connections until {@code held} has {@code count}, waiting out those the hub's workers hold a moment. */
    private static void hold(DataSource dataSource, List<Connection> held, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                // a worker has it: try again
            }
            return held.size() >= count;
        });
    }
}
