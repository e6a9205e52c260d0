package cn.gov.shanwei.enforcement.app.support;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the two commits on a synchronous provincial read's path cost H2 alone (issue 6, docs/benchmarks.md): per
 * "request", the replay nonce inserted and committed, then a monitoring record and an SM3-chained message-log entry
 * (read and update of the chain's head) inserted and committed, into the hub's own tables ({@code client_nonce},
 * {@code provider_call}, {@code message_log}, {@code message_log_ends}: the hub's migrations make the database), on
 * an H2 file database with the hub's URL settings ({@code WRITE_DELAY=0}). {@code group} requests share each commit, as the hub's group commit lets
 * concurrent requests do. Prints the process's CPU time per request (H2's background writer included).
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run:
 * {@code ./mvnw -o -q -B -pl app -am test -Dtest=H2CommitCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.requests=}, default 4000; {@code -Dbench.rounds=}, default 5).
 */
class H2CommitCostBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 4000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @TempDir
    Path folder;

    @Test
    void twoCommitsPerRead_alone_andShared() throws SQLException {
        for (int group : new int[] {1, 8}) {
            try (Connection db = open(folder.resolve("group-" + group))) {
                for (int round = 1; round <= ROUNDS; round++) {
                    long cpu = processCpuNanos();
                    long start = System.nanoTime();
                    run(db, REQUESTS, group);
                    System.out.printf(Locale.ROOT, "%d requests per commit, round %d: %.1f µs CPU, %.1f µs wall per "
                                    + "request%n", group, round, (processCpuNanos() - cpu) / 1e3 / REQUESTS,
                            (System.nanoTime() - start) / 1e3 / REQUESTS);
                }
                try (ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM message_log")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo((long) REQUESTS * ROUNDS);
                }
            }
        }
    }

    /** A hub database made by the hub's own migrations, with the hub's H2 URL settings. */
    private static Connection open(Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        Connection db = DriverManager.getConnection(url, "sa", "");
        db.setAutoCommit(false);
        return db;
    }

    private static void run(Connection db, int requests, int group) throws SQLException {
        try (PreparedStatement nonce = db.prepareStatement("INSERT INTO client_nonce (client_id, nonce, expires_at)"
                + " VALUES (?, ?, ?)");
             PreparedStatement call = db.prepareStatement("INSERT INTO provider_call (request_in_ts, response_out_ts,"
                     + " duration_ms, provider, operation, calling_system, case_number, matter_code, trace_id,"
                     + " attempts, outcome, provider_request_ts, provider_response_ts, request_bytes, response_bytes,"
                     + " status, idempotency_key) VALUES (?, ?, 3, 'exchange', 'person-check', 'bench-system',"
                     + " 'SYNC-BENCH', '330217008000', ?, 1, 'SUCCESS', ?, ?, 120, 80, 'OK', ?)");
             PreparedStatement head = db.prepareStatement("SELECT last_seq FROM message_log_ends WHERE id = 1"
                     + " FOR UPDATE");
             PreparedStatement log = db.prepareStatement("INSERT INTO message_log (seq, logged_at, requested_at,"
                     + " answered_at, provider, operation, calling_system, case_number, trace_id, fault,"
                     + " request_digest, response_digest, request_body, response_body, prev_hash, entry_hash)"
                     + " VALUES (?, ?, ?, ?, 'exchange', 'person-check', 'bench-system', 'SYNC-BENCH', ?, NULL, ?, ?,"
                     + " NULL, NULL, ?, ?)");
             PreparedStatement moveHead = db.prepareStatement("UPDATE message_log_ends SET last_seq = ?,"
                     + " last_hash = ? WHERE id = 1")) {
            for (int done = 0; done < requests; done += group) {
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (int i = 0; i < group; i++) {
                    nonce.setString(1, "bench-system");
                    nonce.setString(2, UUID.randomUUID().toString());
                    nonce.setTimestamp(3, now);
                    nonce.executeUpdate();
                }
                db.commit();
                for (int i = 0; i < group; i++) {
                    String trace = UUID.randomUUID().toString();
                    call.setTimestamp(1, now);
                    call.setTimestamp(2, now);
                    call.setString(3, trace);
                    call.setTimestamp(4, now);
                    call.setTimestamp(5, now);
                    call.setString(6, trace);
                    call.addBatch();
                }
                call.executeBatch();
                long seq;
                try (ResultSet current = head.executeQuery()) {
                    current.next();
                    seq = current.getLong(1);
                }
                String hash = "";
                for (int i = 0; i < group; i++) {
                    hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
                    log.setLong(1, ++seq);
                    log.setTimestamp(2, now);
                    log.setTimestamp(3, now);
                    log.setTimestamp(4, now);
                    log.setString(5, UUID.randomUUID().toString());
                    log.setString(6, hash);
                    log.setString(7, hash);
                    log.setString(8, hash);
                    log.setString(9, hash);
                    log.executeUpdate();
                }
                moveHead.setLong(1, seq);
                moveHead.setString(2, hash);
                moveHead.executeUpdate();
                db.commit();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
