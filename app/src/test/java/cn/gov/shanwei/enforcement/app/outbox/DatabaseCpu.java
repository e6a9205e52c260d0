package cn.gov.shanwei.enforcement.app.outbox;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the PostgreSQL server processes that serve a benchmark hub (its connections carry the run's schema as
 * their application name), read from {@code /proc}: with PostgreSQL, the database's work is not in the JVM's CPU
 * time. Empty on H2 (the database is in the JVM). The server's shared background processes (WAL writer,
 * checkpointer) serve every database on the machine and are not counted.
 */
final class DatabaseCpu {

    /** Linux's clock ticks per second for {@code /proc/<pid>/stat}. */
    private static final long TICKS_PER_SECOND = 100;

    private DatabaseCpu() {
    }

    /** CPU nanoseconds by backend pid, now. */
    static Map<Integer, Long> of(ConfigurableApplicationContext hub) {
        Map<Integer, Long> cpu = new HashMap<>();
        String url = hub.getEnvironment().getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql")) {
            return cpu;
        }
        String application = hub.getEnvironment().getProperty(
                "spring.datasource.hikari.data-source-properties.ApplicationName");
        List<Integer> pids = hub.getBean(JdbcClient.class)
                .sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?").param(application)
                .query(Integer.class).list();
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                cpu.put(pid, ticks * 1_000_000_000L / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException gone) {
                // the connection closed meanwhile
            }
        }
        return cpu;
    }

    /** CPU nanoseconds the hub's backends used since {@code start} (a backend opened since counts from zero). */
    static long since(ConfigurableApplicationContext hub, Map<Integer, Long> start) {
        long total = 0;
        for (Map.Entry<Integer, Long> now : of(hub).entrySet()) {
            total += now.getValue() - start.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    static String describe(long databaseNanos, long jvmNanos, int items) {
        if (databaseNanos == 0) {
            return "";
        }
        return String.format(" + PostgreSQL backends %.3f ms per effect = %.3f ms (2 cores would carry %.0f/s)",
                databaseNanos / 1e6 / items, (jvmNanos + databaseNanos) / 1e6 / items,
                2e9 * items / (jvmNanos + databaseNanos));
    }
}
