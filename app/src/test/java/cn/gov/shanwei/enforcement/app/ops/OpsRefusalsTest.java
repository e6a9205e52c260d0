package cn.gov.shanwei.enforcement.app.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Refused ops requests are counted in memory and written as few rows whose counts add up to every refusal (ADR 0919),
 * whatever the database does meanwhile.
 */
class OpsRefusalsTest {

    private static final String UNSIGNED = "refused: HTTP 401, no client id";

    private DriverManagerDataSource db;
    private JdbcTemplate jdbc;
    private OpsRefusals refusals;

    @BeforeEach
    void database() throws Exception {
        db = new DriverManagerDataSource("jdbc:h2:mem:refusals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(db);
        for (String migration : List.of("V11__ops_audit.sql", "V95__ops_audit_refusal_counts.sql")) {
            for (String statement : Files.readString(Path.of("src/main/resources/db/migration", migration),
                    StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement);
                }
            }
        }
    }

    @AfterEach
    void stop() {
        if (refusals != null && refusals.isRunning()) {
            refusals.stop();
        }
        jdbc.execute("SHUTDOWN");
    }

    private OpsRefusals refusals(DataSource writerDatabase, Duration window, int maxKeys) {
        refusals = new OpsRefusals(new JdbcTemplate(writerDatabase), new DataSourceTransactionManager(writerDatabase),
                Clock.systemUTC(), window, maxKeys);
        return refusals;
    }

    private static OpsRefusals.Refusal unsigned(String address) {
        return new OpsRefusals.Refusal(401, OpsRefusalAuditFilter.UNAUTHENTICATED, UNSIGNED, address,
                "GET /api/v1/ops/dead-letters");
    }

    private long counted() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(refusals), 0) FROM ops_audit WHERE action = 'access.refused'",
                Long.class);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM ops_audit", Long.class);
    }

    @Test
    void aFloodFromManyThreads_isWrittenAsOneRowPerCallerAndKind_whoseCountsAddUpToEveryRefusal() throws Exception {
        OpsRefusals counting = refusals(db, Duration.ofHours(1), 1000);
        counting.start();
        List<OpsRefusals.Refusal> kinds = List.of(unsigned("10.0.0.1"), unsigned("10.0.0.2"),
                new OpsRefusals.Refusal(403, "sandbox-demo", "refused: HTTP 403, not registered for ops.dlq",
                        "10.0.0.3", "POST /api/v1/ops/dead-letters/**"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < 3_000; i++) {
                    counting.record(kinds.get(i % 3), "req-" + i);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        counting.stop();

        assertThat(rows()).as("one row per caller and kind").isEqualTo(3);
        assertThat(counted()).isEqualTo(24_000);
        assertThat(jdbc.queryForObject("SELECT refusals FROM ops_audit WHERE client_id = 'sandbox-demo'"
                + " AND outcome = 'refused: HTTP 403, not registered for ops.dlq' AND first_at <= at"
                + " AND remote_address = '10.0.0.3' AND request_id IS NOT NULL", Long.class)).isEqualTo(8_000);
    }

    @Test
    void callersBeyondTheCap_areCountedInOneOverflowRow_neverLost() {
        OpsRefusals counting = refusals(db, Duration.ofHours(1), 10);
        counting.start();
        for (int i = 0; i < 1_000; i++) {
            counting.record(unsigned("10.0.1." + (i % 50)), null);
        }
        counting.record(new OpsRefusals.Refusal(429, "sandbox-demo", "refused: HTTP 429", "10.0.2.1",
                "GET /api/v1/ops/dead-letters"), null);
        counting.stop();

        assertThat(rows()).as("ten callers told apart, and the overflow").isEqualTo(11);
        assertThat(counted()).isEqualTo(1_001);
        assertThat(jdbc.queryForObject("SELECT outcome FROM ops_audit WHERE client_id = ?", String.class,
                OpsRefusals.OVERFLOW)).contains("HTTP 401: 800").contains("HTTP 429: 1");
    }

    @Test
    void whileTheWritersDatabaseIsBlocked_refusalsAreCountedAtOnce_andWrittenWhenItComesBack() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicInteger waiting = new AtomicInteger();
        DataSource stuck = new DelegatingDataSource(db) {
            @Override
            public Connection getConnection() throws SQLException {
                waiting.incrementAndGet();
                try {
                    blocked.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.getConnection();
            }
        };
        OpsRefusals counting = refusals(stuck, Duration.ofMillis(20), 1000);
        counting.start();
        AtomicInteger first = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            counting.record(unsigned("10.0.3.1"), null);
            first.incrementAndGet();
            return waiting.get() > 0;
        });

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 1_000; i++) {
                counting.record(unsigned("10.0.3." + (i % 5)), null);
            }
        });
        blocked.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> counted() == first.get() + 1_000);
        assertThat(rows()).isLessThanOrEqualTo(10);
    }

    @Test
    void aWriteThatFails_isTriedAgain_andLosesNoCount() {
        AtomicInteger failures = new AtomicInteger(3);
        DataSource flaky = new DelegatingDataSource(db) {
            @Override
            public Connection getConnection() throws SQLException {
                if (failures.getAndDecrement() > 0) {
                    throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request"
                            + " timed out after 300ms");
                }
                return super.getConnection();
            }
        };
        OpsRefusals counting = refusals(flaky, Duration.ofMillis(20), 1000);
        counting.start();
        for (int i = 0; i < 500; i++) {
            counting.record(unsigned("10.0.4.1"), null);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> counted() == 500);
        assertThat(failures.get()).as("the writer met every failure").isNegative();
    }
}
