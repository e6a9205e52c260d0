package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing accepted is lost, nothing takes effect twice (stack trap 8): the hub is killed with {@code kill -9} in
 * the middle of delivering thousands of effects, or stopped gracefully under load, and restarted on the same data
 * directory. The provider lives in the test JVM and counts every effect.
 */
class DurableDeliveryCrashIT {

    private static final int ITEMS = 2000;

    private final EffectProvider provider = new EffectProvider();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        provider.close();
    }

    @Test
    void hubKilledWithThousandsInFlight_afterRestartEveryAcceptedEffectExactlyOnce() throws Exception {
        Path dataDir = HubTestDataDir.create("crash-kill");

        Process first = launch(dataDir, ITEMS, "first");
        awaitLine(first, dataDir.resolve("first.out"), "ACCEPTED " + ITEMS);
        await().atMost(Duration.ofSeconds(60)).until(() -> provider.distinctEffects() >= ITEMS / 10);
        first.destroyForcibly().waitFor();
        int deliveredBeforeTheKill = provider.distinctEffects();
        assertThat(deliveredBeforeTheKill).as("the kill must come mid-flight").isLessThan(ITEMS);

        Process second = launch(dataDir, 0, "second");
        await().atMost(Duration.ofSeconds(180))
                .failFast("the restarted hub died; see second.out", () -> !second.isAlive())
                .until(() -> provider.distinctEffects() == ITEMS);
        second.destroy();

        assertEveryEffectExactlyOnce("crash", ITEMS);
    }

    @Test
    void hubStoppedGracefullyUnderLoad_afterRestartEveryAcceptedEffectExactlyOnce() {
        Path dataDir = HubTestDataDir.create("crash-graceful");
        int items = 600;
        try (ConfigurableApplicationContext hub = DurableHub.start(dataDir, provider.baseUrl())) {
            DurableHub.enqueue(hub, "graceful", items, 150, 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.distinctEffects() >= items / 10);
        }
        int deliveredBeforeTheStop = provider.distinctEffects();
        assertThat(deliveredBeforeTheStop).as("the stop must come mid-flight").isLessThan(items);

        try (ConfigurableApplicationContext hub = DurableHub.start(dataDir, provider.baseUrl())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> provider.distinctEffects() == items);
            await().untilAsserted(() -> assertThat(DurableHub.states(hub)).containsOnlyKeys("DONE"));
        }
        assertEveryEffectExactlyOnce("graceful", items);
    }

    private void assertEveryEffectExactlyOnce(String prefix, int items) {
        Map<String, Integer> effects = provider.effects();
        List<String> expected = IntStream.range(0, items).mapToObj(i -> prefix + "-" + i).toList();
        assertThat(effects).as("no effect the hub never accepted").containsOnlyKeys(expected);
        assertThat(effects.values()).as("no duplicate effect").containsOnly(1);
    }

    private Process launch(Path dataDir, int count, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrashableHubMain.class.getName(),
                dataDir.toString(), provider.baseUrl().toString(), Integer.toString(count))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".out").toFile());
        Process process = builder.start();
        children.add(process);
        return process;
    }

    private static void awaitLine(Process process, Path output, String line) {
        await().atMost(Duration.ofSeconds(120))
                .failFast("the hub process died; see " + output, () -> !process.isAlive())
                .until(() -> {
            try {
                return Files.exists(output) && Files.readAllLines(output).contains(line);
            } catch (UncheckedIOException | IOException e) {
                return false;
            }
        });
    }
}
