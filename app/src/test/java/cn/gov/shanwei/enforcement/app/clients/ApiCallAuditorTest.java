package cn.gov.shanwei.enforcement.app.clients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiCallAuditorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() throws IOException {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V40__api_call.sql"),
                StandardCharsets.UTF_8));
    }

    private static ApiCallRecord call(String requestId) {
        return new ApiCallRecord(Instant.parse("2026-11-27T06:00:00Z"), Duration.ofMillis(12), "market-supervision",
                true, "licence.verify", "POST", "/api/v1/licences/verifications", 200, requestId,
                "enforcement-hub-sdk-java/0.1.0 (portal)");
    }

    @Test
    void record_whenRunning_isWrittenByTheWriterThread() {
        ApiCallAuditor auditor = new ApiCallAuditor(jdbc, 10, Duration.ZERO, meters);
        auditor.start();
        try {
            auditor.record(call("req-1"));

            await().atMost(Duration.ofSeconds(5)).until(() -> count() == 1);
            assertThat(jdbc.queryForMap("SELECT * FROM api_call")).containsEntry("request_id", "req-1")
                    .containsEntry("client_id", "market-supervision").containsEntry("duration_ms", 12L);
        } finally {
            auditor.stop();
        }
    }

    @Test
    void recordsArrivingWithinTheLinger_areWrittenInOneBatch() throws InterruptedException {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        JdbcTemplate counting = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                batches.add(batchArgs.size());
                return super.batchUpdate(sql, batchArgs);
            }
        };
        ApiCallAuditor auditor = new ApiCallAuditor(counting, 10, Duration.ofSeconds(2), meters);
        auditor.start();
        try {
            auditor.record(call("req-1"));
            Thread.sleep(100);
            auditor.record(call("req-2"));
            Thread.sleep(100);
            auditor.record(call("req-3"));

            await().atMost(Duration.ofSeconds(5)).until(() -> count() == 3);
            assertThat(batches).containsExactly(3);
        } finally {
            auditor.stop();
        }
    }

    @Test
    void record_whenQueueFull_dropsAndCountsInsteadOfBlocking() {
        ApiCallAuditor auditor = new ApiCallAuditor(jdbc, 2, Duration.ZERO, meters);

        for (int i = 0; i < 5; i++) {
            auditor.record(call("req-" + i));
        }

        assertThat(meters.get("hub.api.audit.dropped").counter().count()).isEqualTo(3);
    }

    @Test
    void stop_drainsWhatIsStillQueued() {
        ApiCallAuditor auditor = new ApiCallAuditor(jdbc, 500, Duration.ZERO, meters);
        for (int i = 0; i < ApiCallAuditor.MAX_BATCH + 50; i++) {
            auditor.record(call("req-" + i));
        }

        auditor.stop();

        assertThat(count()).isEqualTo(ApiCallAuditor.MAX_BATCH + 50);
        assertThat(auditor.isRunning()).isFalse();
    }

    private int count() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM api_call", Integer.class);
        return rows == null ? 0 : rows;
    }
}
