package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lead whose subject's case number counter is locked longer than the database's lock timeout (ADR 0521): a
 * separate connection holds the counter row {@code FOR UPDATE} while the lead is registered through the API. The
 * lead is tried again once; if the lock is still held it answers 503 {@code BUSY_RETRY} with {@code Retry-After},
 * and nothing of it is written. Each database's subclass sets a lock timeout of {@link #LOCK_TIMEOUT_MS}.
 */
abstract class BusyDatabaseContract extends StaffApiTestBase {

    /** The lock timeout of the hub's connections, in milliseconds: long enough that a busy machine keeps the order. */
    static final int LOCK_TIMEOUT_MS = 2_000;
    static final String PENALTIES = "/api/v1/cases/penalties";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    /** How many sessions wait for a lock that {@code holder}'s session has, asked through {@code probe}. */
    abstract int waitingFor(Connection holder, Connection probe) throws SQLException;

    @Test
    void aLeadWaitingTooLongForItsSubjectsCounter_answers503BusyRetry_andWritesNothing() throws SQLException {
        lead("hf-officer-1", "441521", "counter exists " + UUID.randomUUID());
        int before = counter();
        String party = "busy lead " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        StaffHttp.Answer plain;
        StaffHttp.Answer keyed;
        try (Connection holder = holdCounter()) {
            plain = as("hf-officer-1").post(PENALTIES, leadBody("441521", party));
            keyed = as("hf-officer-1").postKeyed(PENALTIES, leadBody("441521", party), key);
            holder.rollback();
        }

        for (StaffHttp.Answer a : List.of(plain, keyed)) {
            assertBusyRetry(a.status(), a.header("Content-Type"), a.header("Retry-After"), a.body());
        }
        assertThat(counter()).as("the counter is as it was").isEqualTo(before);
        assertThat(leadsOf(party)).as("no case was written").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_creation_key WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).as("nor the creation key").isZero();

        StaffHttp.Answer again = as("hf-officer-1").postKeyed(PENALTIES, leadBody("441521", party), key);
        assertThat(again.status()).as("the call repeated once the lock is gone: " + again.body()).isEqualTo(201);
        assertThat(counter()).isEqualTo(before + 1);
        assertThat(leadsOf(party)).isEqualTo(1);
    }

    @Test
    void aLockReleasedWhileTheLeadTriesAgain_letsTheLeadThrough() throws Exception {
        lead("hf-officer-1", "441521", "counter exists " + UUID.randomUUID());
        int before = counter();
        String party = "retried lead " + UUID.randomUUID();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection holder = holdCounter(); Connection probe = dataSource.getConnection()) {
            Future<StaffHttp.Answer> answer = caller.submit(() -> as("hf-officer-1").post(PENALTIES,
                    leadBody("441521", party)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> waitingFor(holder, probe) > 0);
            // The first try waits now and gives up after the lock timeout; released half a timeout later, the lock
            // is free while the second try waits for it.
            Thread.sleep(LOCK_TIMEOUT_MS * 3 / 2);
            holder.rollback();

            StaffHttp.Answer a = answer.get(20, TimeUnit.SECONDS);
            assertThat(a.status()).as(a.body()).isEqualTo(201);
        } finally {
            caller.shutdownNow();
        }
        assertThat(counter()).isEqualTo(before + 1);
        assertThat(leadsOf(party)).isEqualTo(1);
    }

    /**
     * A signed request whose nonce cannot be recorded because another connection holds the lock its insert needs
     * (an uncommitted insert of the same client and nonce) answers 503 {@code BUSY_RETRY} from the servlet filters,
     * not 500, and records nothing: the same signed request goes through once the lock is gone.
     */
    @Test
    void aSignedRequestWaitingTooLongToRecordItsNonce_answers503BusyRetry_andPassesOnceTheLockIsGone()
            throws SQLException {
        String nonce = UUID.randomUUID().toString();
        String path = PENALTIES + "?size=1";
        HttpRequest request = SignedHttp.signActingFor(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + path)), "GET", path, new byte[0], CASE_SYSTEM, CASE_SYSTEM_SECRET, "hf-officer-1", nonce).GET()
                .build();
        SignedHttp http = new SignedHttp(URI.create("http://127.0.0.1:" + port));
        HttpResponse<String> busy;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement("INSERT INTO client_nonce (client_id, nonce,"
                    + " expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, CASE_SYSTEM);
                insert.setString(2, nonce);
                insert.setTimestamp(3, Timestamp.from(Instant.now().plus(Duration.ofHours(1))));
                insert.executeUpdate();
            }
            busy = http.send(request, HttpResponse.BodyHandlers.ofString());
            holder.rollback();
        }

        assertBusyRetry(busy.statusCode(), busy.headers().firstValue("Content-Type").orElse(null),
                busy.headers().firstValue("Retry-After").orElse(null), busy.body());
        assertThat(busy.body()).doesNotContain("client_nonce").doesNotContain(nonce);
        assertThat(nonces(nonce)).as("the nonce is not spent").isZero();

        HttpResponse<String> again = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("the same request once the lock is gone: " + again.body()).isEqualTo(200);
        assertThat(nonces(nonce)).isEqualTo(1);
    }

    /** The answer is 503 BUSY_RETRY with Retry-After, saying nothing was written, and names no SQL or table. */
    private static void assertBusyRetry(int status, String contentType, String retryAfter, String body) {
        assertThat(status).as(body).isEqualTo(503);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode json = readJson(body);
        assertThat(json.path("code").asText()).isEqualTo("BUSY_RETRY");
        assertThat(retryAfter).isIn("1", "2");
        assertThat(json.path("retryAfterSeconds").asInt()).isBetween(1, 2);
        assertThat(json.path("detail").asText()).contains("nothing was written").contains("again");
        assertThat(json.path("requestId").asText()).isNotBlank();
        for (String leak : List.of("case_number_counter", "sql", "insert", "select", "exception", "org.",
                "jdbc", "hibernate", "HYT00", "55P03", "\tat ")) {
            assertThat(body).as("leaks " + leak).doesNotContainIgnoringCase(leak);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private long nonces(String nonce) {
        return jdbc.sql("SELECT count(*) FROM client_nonce WHERE client_id = ? AND nonce = ?")
                .params(CASE_SYSTEM, nonce).query(Long.class).single();
    }

    /** A connection of its own with the 海丰县 bureau's counter of this year locked until it rolls back. */
    private Connection holdCounter() throws SQLException {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT next_value FROM case_number_counter"
                + " WHERE subject_id = ? AND counter_year = ? FOR UPDATE")) {
            lock.setString(1, HF);
            lock.setInt(2, today().getYear());
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as("the counter row exists").isTrue();
            }
        }
        return holder;
    }

    private int counter() {
        return jdbc.sql("SELECT next_value FROM case_number_counter WHERE subject_id = ? AND counter_year = ?")
                .params(HF, today().getYear()).query(Integer.class).single();
    }

    private long leadsOf(String party) {
        StaffHttp.Answer list = as("hf-officer-1").get(PENALTIES + "?partyName=" + party.replace(" ", "%20"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("total").asLong();
    }

    /** The first column of the first row of {@code sql}, one int parameter or none. */
    static int intOf(Connection connection, String sql, Integer parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setInt(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
