package cn.gov.shanwei.enforcement.app.broker;

import cn.gov.shanwei.enforcement.app.outbox.DurableHub;
import cn.gov.shanwei.enforcement.app.outbox.EffectProvider;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable path on an external broker, as in {@code prod} ({@code spring.artemis.mode=native}, a TCP broker URL):
 * the broker runs in a JVM of its own on loopback ({@link ExternalBrokerMain}) and is killed with {@code kill -9}
 * while thousands of effects are queued and in flight, then restarted on the same journal. The hub reconnects by
 * itself; every accepted effect reaches the provider exactly once.
 */
class ExternalBrokerIT {

    private static final int ITEMS = 1500;

    private final EffectProvider provider = new EffectProvider();
    private Process broker;

    @AfterEach
    void cleanUp() {
        if (broker != null) {
            broker.destroyForcibly();
        }
        provider.close();
    }

    @Test
    void brokerKilledAndRestartedMidFlight_everyAcceptedEffectDeliveredExactlyOnce() throws Exception {
        Path dir = HubTestDataDir.create("external-broker");
        int port = freePort();
        broker = startBroker(dir.resolve("broker"), port, "broker-1.out");

        try (ConfigurableApplicationContext hub = DurableHub.start(dir.resolve("hub"), provider.baseUrl(),
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + port,
                "--spring.artemis.embedded.enabled=false",
                "--logging.level.org.springframework.jms=ERROR",
                "--logging.level.cn.gov.shanwei.enforcement.app.outbox=ERROR")) {
            DurableHub.enqueue(hub, "ext", ITEMS, 300, 100);
            await().atMost(Duration.ofSeconds(120)).until(() -> provider.distinctEffects() >= ITEMS / 10);

            broker.destroyForcibly().waitFor();
            int deliveredBeforeTheKill = provider.distinctEffects();
            assertThat(deliveredBeforeTheKill).as("the kill must come mid-flight").isLessThan(ITEMS);
            Thread.sleep(2_000); // the hub's relay and consumers fail and back off meanwhile

            broker = startBroker(dir.resolve("broker"), port, "broker-2.out");
            await().atMost(Duration.ofSeconds(240)).until(() -> provider.distinctEffects() == ITEMS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(DurableHub.states(hub)).containsOnlyKeys("DONE"));
        }

        Map<String, Integer> effects = provider.effects();
        List<String> expected = IntStream.range(0, ITEMS).mapToObj(i -> "ext-" + i).toList();
        assertThat(effects).as("no effect the hub never accepted").containsOnlyKeys(expected);
        assertThat(effects.values()).as("no duplicate effect").containsOnly(1);
        for (int c = 0; c < 3; c++) {
            List<String> order = provider.orderOf("ext-case-" + c);
            assertThat(order).as("a case's effects in the order accepted")
                    .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        }
    }

    private static int number(String businessKey) {
        return Integer.parseInt(businessKey.substring(businessKey.lastIndexOf('-') + 1));
    }

    private static Process startBroker(Path dataDir, int port, String log) throws IOException {
        Files.createDirectories(dataDir);
        Path out = dataDir.resolve(log);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ExternalBrokerMain.class.getName(), dataDir.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await().atMost(Duration.ofSeconds(60))
                .failFast("the broker died; see " + out, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return Files.readAllLines(out).contains("BROKER STARTED");
                    } catch (UncheckedIOException | IOException e) {
                        return false;
                    }
                });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
