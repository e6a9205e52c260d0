package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable path's throughput on the embedded defaults (H2 file with WRITE_DELAY=0, persistent Artemis journal):
 * effects accepted in use-case transactions of 100, each its own case, until the provider has every one exactly
 * once. Not part of the suite (no *Test / *IT name): run with
 * {@code ./mvnw -pl app test -Dtest=DurablePathBenchmark -Dbench.items=20000 -Dbench.consumers=16}, and with {@code -Dbench.postgres=true}
 * for the database of {@code prod} (PostgreSQL on 127.0.0.1:5432, database {@code test}, a schema per run; the
 * broker stays embedded). The numbers go to docs/benchmarks.md.
 */
class DurablePathBenchmark {

    @Test
    void acceptedToAcknowledged() {
        int items = Integer.getInteger("bench.items", 20_000);
        List<String> args = new java.util.ArrayList<>(List.of("--hub.durable.consumers="
                + Integer.getInteger("bench.consumers", 16),
                "--logging.level.root=WARN"));
        if (Boolean.getBoolean("bench.postgres")) {
            String schema = "bench_" + System.currentTimeMillis();
            args.addAll(List.of("--spring.profiles.active=prod",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                    "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                    "--spring.artemis.mode=embedded", "--spring.artemis.embedded.enabled=true",
                    "--hub.providers.licence.endpoint=http://127.0.0.1:9/unused",
                    "--hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"));
        }
        try (EffectProvider provider = new EffectProvider();
             ConfigurableApplicationContext hub = DurableHub.start(HubTestDataDir.create("bench"),
                     provider.baseUrl(), args.toArray(String[]::new))) {
            long start = System.nanoTime();
            List<String> accepted = DurableHub.enqueue(hub, "bench", items, items, 100);
            long acceptedNanos = System.nanoTime() - start;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> provider.distinctEffects() == items);
            long deliveredNanos = System.nanoTime() - start;

            assertThat(provider.effects().values()).containsOnly(1);
            System.out.printf("BENCH durable path: %d effects accepted in %.1f s (%.0f/s); all delivered once in"
                            + " %.1f s (%.0f/s end to end)%n", accepted.size(), acceptedNanos / 1e9,
                    items / (acceptedNanos / 1e9), deliveredNanos / 1e9, items / (deliveredNanos / 1e9));
        }
    }
}
