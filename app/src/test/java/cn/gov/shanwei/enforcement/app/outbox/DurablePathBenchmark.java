package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable path's throughput on the embedded defaults (H2 file with WRITE_DELAY=0, persistent Artemis journal):
 * effects accepted in use-case transactions of 100, each its own case, until the provider has every one exactly
 * once. Not part of the suite (no *Test / *IT name): run with
 * {@code ./mvnw -pl app -am test -Dtest=DurablePathBenchmark#acceptedToAcknowledged
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.items=20000 -Dbench.consumers=4 -Dbench.batch=100} (and
 * {@code #drainOfABacklog} with {@code -Dbench.backlog=100000}); {@code -Dbench.inProcess=true} has the handler call
 * the provider stand-in directly instead of over HTTP (the hub's own cost); and with {@code -Dbench.postgres=true}
 * for the database of {@code prod} (PostgreSQL on 127.0.0.1:5432, database {@code test}, a schema per run; the
 * broker stays embedded). The numbers go to docs/benchmarks.md.
 */
class DurablePathBenchmark {

    @Test
    void acceptedToAcknowledged() {
        int items = Integer.getInteger("bench.items", 20_000);
        try (EffectProvider provider = new EffectProvider();
             ConfigurableApplicationContext hub = DurableHub.start(HubTestDataDir.create("bench"),
                     provider.baseUrl(), arguments())) {
            String loadBefore = loadAverage();
            long cpuStart = processCpuNanos();
            Map<Integer, Long> databaseCpuStart = DatabaseCpu.of(hub);
            long start = System.nanoTime();
            List<String> accepted = DurableHub.enqueue(hub, "bench", items, items, 100);
            long acceptedNanos = System.nanoTime() - start;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> provider.distinctEffects() == items);
            long deliveredNanos = System.nanoTime() - start;
            long cpuNanos = processCpuNanos() - cpuStart;
            long databaseCpuNanos = DatabaseCpu.since(hub, databaseCpuStart);

            assertThat(provider.effects().values()).containsOnly(1);
            System.out.printf("BENCH durable path: %d effects accepted in %.1f s (%.0f/s); all delivered once in"
                            + " %.1f s (%.0f/s end to end); CPU %.3f ms per effect (hub, broker and provider,"
                            + " all threads; 2 cores at 100%% would carry %.0f/s)%s; load average %s -> %s%n",
                    accepted.size(), acceptedNanos / 1e9, items / (acceptedNanos / 1e9), deliveredNanos / 1e9,
                    items / (deliveredNanos / 1e9), cpuNanos / 1e6 / items, 2e9 * items / cpuNanos,
                    DatabaseCpu.describe(databaseCpuNanos, cpuNanos, items), loadBefore, loadAverage());
        }
    }

    /**
     * Drain rate of a backlog ({@code -Dbench.backlog=100000}): the effects are accepted and relayed to the persistent
     * queue while the operation's consumer route is stopped (the outage: nothing is delivered), then the route is
     * started and the time until the provider holds every effect once is measured. Broker back-off of an outage with
     * failing attempts is not part of the figure: it depends on how long the outage lasted.
     */
    @Test
    void drainOfABacklog() throws Exception {
        int items = Integer.getInteger("bench.backlog", 100_000);
        try (EffectProvider provider = new EffectProvider();
             ConfigurableApplicationContext hub = DurableHub.start(HubTestDataDir.create("bench-drain"),
                     provider.baseUrl(), arguments())) {
            org.apache.camel.CamelContext camel = hub.getBean(org.apache.camel.CamelContext.class);
            String route = cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute.routeId(
                    HttpEffectHandler.OPERATION);
            camel.getRouteController().stopRoute(route);
            long acceptStart = System.nanoTime();
            DurableHub.enqueue(hub, "drain", items, items, 500);
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> DurableHub.states(hub).getOrDefault("QUEUED", 0L) == items);
            long queuedNanos = System.nanoTime() - acceptStart;
            assertThat(provider.distinctEffects()).isZero();

            String loadBefore = loadAverage();
            long cpuStart = processCpuNanos();
            Map<Integer, Long> databaseCpuStart = DatabaseCpu.of(hub);
            long start = System.nanoTime();
            camel.getRouteController().startRoute(route);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> provider.distinctEffects() == items);
            long drainNanos = System.nanoTime() - start;
            long cpuNanos = processCpuNanos() - cpuStart;
            long databaseCpuNanos = DatabaseCpu.since(hub, databaseCpuStart);

            assertThat(provider.effects().values()).containsOnly(1);
            System.out.printf("BENCH drain: %d effects accepted and queued in %.1f s; backlog drained, each once, in"
                            + " %.1f s (%.0f/s); CPU %.3f ms per effect%s; load average %s -> %s%n", items,
                    queuedNanos / 1e9, drainNanos / 1e9, items / (drainNanos / 1e9), cpuNanos / 1e6 / items,
                    DatabaseCpu.describe(databaseCpuNanos, cpuNanos, items), loadBefore, loadAverage());
        }
    }

    /** The machine's load average (1, 5, 15 minutes): other builds share its 2 cores. */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * CPU time of this whole JVM (hub, embedded broker, provider stand-in, every thread): a cost per effect that,
     * unlike the rate, does not depend on what else the machine is running.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String[] arguments() {
        List<String> args = new java.util.ArrayList<>(List.of("--hub.durable.consumers="
                + Integer.getInteger("bench.consumers", 4),
                "--hub.durable.consumer-batch-size=" + Integer.getInteger("bench.batch", 100),
                "--test.effect-provider.in-process=" + Boolean.getBoolean("bench.inProcess"),
                "--logging.level.root=WARN"));
        if (Boolean.getBoolean("bench.postgres")) {
            String schema = "bench_" + System.currentTimeMillis();
            args.addAll(List.of("--spring.profiles.active=prod",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                    "--spring.datasource.hikari.data-source-properties.ApplicationName=" + schema,
                    "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                    "--spring.artemis.mode=embedded", "--spring.artemis.embedded.enabled=true",
                    // Provider URLs prod requires; the benchmark calls none of them.
                    "--hub.providers.licence.endpoint=http://127.0.0.1:9/unused",
                    "--hub.providers.map.endpoint=http://127.0.0.1:9/unused",
                    "--hub.providers.map.paas-id=unused-paas", "--hub.providers.map.tif-token=unused-token",
                    "--hub.providers.exchange.endpoint=http://127.0.0.1:9/unused",
                    "--hub.providers.exchange.paas-id=unused-paas", "--hub.providers.exchange.tif-token=unused-token",
                    "--hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"));
        }
        return args.toArray(String[]::new);
    }
}
