package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceStatus;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message log end to end: a licence verification through the hub leaves an entry whose decrypted bodies match
 * their chained digests, personal identifiers are never stored in clear, ops reads and verifies it (audited), and
 * every kind of tampering with the stored log is caught with the broken entry named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.clients.ops-console.name=Ops console",
        "hub.clients.ops-console.secrets[0]=" + MessageLogIT.OPS_SECRET,
        "hub.clients.ops-console.services[0]=ops.monitoring",
        // Checkpoints are taken by the tests themselves, never in the middle of a tampering.
        "hub.message-log.checkpoint-interval=1h"
})
class MessageLogIT {

    static final String OPS = "ops-console";
    static final String OPS_SECRET = "ops-console-secret-0123456789abcdef0123";
    static final String VALID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("message-log").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcMessageLog log;

    @Autowired
    MessageLogVerifier verifier;

    @Autowired
    MessageLogRetention retention;

    @Autowired
    MessageLogProperties properties;

    @Autowired
    MessageLogCheckpoints checkpoints;

    @Autowired
    MessageLogQueries queries;

    @Test
    void licenceVerificationThroughTheHub_isLoggedWithBodiesMatchingTheirDigests_andNoIdentifierInClear()
            throws Exception {
        String caseNumber = "SW-ML-" + UUID.randomUUID().toString().substring(0, 8);
        try (EnforcementHubClient client = EnforcementHubClient.builder()
                .endpoint("http://127.0.0.1:" + port)
                .credentials("sandbox-demo", "sandbox-demo-secret-0123456789abcdef")
                .retryPolicy(RetryPolicy.none())
                .applicationName("message-log-it")
                .build()) {
            assertThat(client.licences().verify(VerifyLicenceRequest.builder().licenceId(VALID)
                    .matterCode("330217001000").caseNumber(caseNumber).officerId("44150077").build()).status())
                    .isEqualTo(LicenceStatus.VALID);
        }

        JsonNode listed = JSON.readTree(signedGet("/api/v1/ops/message-log/entries?caseNumber=" + caseNumber).body());
        assertThat(listed.path("count").asInt()).isEqualTo(1);
        JsonNode summary = listed.path("entries").get(0);
        assertThat(summary.path("provider").asText()).isEqualTo("licence");
        assertThat(summary.path("operation").asText()).isEqualTo("verify");
        assertThat(summary.path("callingSystem").asText()).isEqualTo("sandbox-demo");
        assertThat(summary.has("requestBody")).as("a listing carries no bodies").isFalse();
        JsonNode byTrace = JSON.readTree(signedGet("/api/v1/ops/message-log/entries?traceId="
                + summary.path("traceId").asText()).body());
        assertThat(byTrace.path("entries").get(0).path("seq").asLong()).isEqualTo(summary.path("seq").asLong());

        HttpResponse<String> read = signedGet("/api/v1/ops/message-log/entries/" + summary.path("seq").asLong());
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode entry = JSON.readTree(read.body());
        String request = entry.path("requestBody").asText();
        String response = entry.path("responseBody").asText();
        assertThat(JSON.readTree(request).path("licenceId").asText()).isEqualTo(VALID);
        assertThat(JSON.readTree(request).path("officerId").asText()).isEqualTo("44150077");
        String holderId = JSON.readTree(response).path("holderIdNumber").asText();
        assertThat(holderId).as("the log keeps the exchange unmasked").startsWith("9144").doesNotContain("*");
        assertThat(Sm3.ofUtf8(request).hex()).isEqualTo(entry.path("requestDigest").asText());
        assertThat(Sm3.ofUtf8(response).hex()).isEqualTo(entry.path("responseDigest").asText());

        String stored = jdbc.sql("SELECT * FROM message_log WHERE case_number = :c").param("c", caseNumber).query()
                .singleRow().toString();
        assertThat(stored).doesNotContain(holderId).doesNotContain("44150077").doesNotContain("汕尾市城区海滨餐饮有限公司")
                .doesNotContain(VALID).contains("sm4gcm2:");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = :c AND action IN"
                        + " ('message-log.query', 'message-log.read')").param("c", OPS).query(Integer.class).single())
                .isGreaterThanOrEqualTo(3);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void synchronousCallsAtOnce_shareGroupCommits_eachEntryOnce_andTheChainStaysIntact() throws Exception {
        String caseNumber = "SW-ML-SYNC-" + UUID.randomUUID().toString().substring(0, 8);
        int threads = 16;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Instant now = Instant.now();
                        log.appendWithNextCommit(LoggedExchange.answered(Provider.LICENCE, "verify",
                                CallContext.of("message-log-it", "44150077", caseNumber, "330217001000", null),
                                now, now, "{\"t\":" + thread + ",\"i\":" + i + "}", "{\"ok\":true}"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM message_log WHERE case_number = :c").param("c", caseNumber)
                .query(Integer.class).single() == threads * each);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT request_digest) FROM message_log WHERE case_number = :c")
                .param("c", caseNumber).query(Integer.class).single()).isEqualTo(threads * each);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void verifyEndpoint_reportsAnIntactChain_andIsAudited_andRefusesBadQueries() throws Exception {
        append("verify-endpoint", 2);
        HttpResponse<String> verified = new SignedHttp(base()).post("/api/v1/ops/message-log/verify", "", OPS,
                OPS_SECRET, null);
        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(verified.body());
        assertThat(result.path("intact").asBoolean()).isTrue();
        assertThat(result.path("checked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = :c AND action = 'message-log.verify'"
                + " AND outcome LIKE 'intact%'").param("c", OPS).query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> both = signedGet("/api/v1/ops/message-log/entries?traceId=a&caseNumber=b");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(signedGet("/api/v1/ops/message-log/entries/999999999").statusCode()).isEqualTo(404);
        assertThat(new SignedHttp(base()).get("/api/v1/ops/message-log/entries?traceId=a").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAlteredBody_isNamed() {
        FieldCipher cipher = MessageLogConfiguration.cipher(properties);
        List<MessageLogEntry> entries = append("body", 3);
        long target = entries.get(1).seq();
        tampered(target, "UPDATE message_log SET response_body = :v WHERE seq = :seq",
                cipher.encrypt("{\"state\":\"REVOKED\"}"), "response body does not match its digest");
        tampered(target, "UPDATE message_log SET request_body = :v WHERE seq = :seq",
                "sm4gcm1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "request body fails decryption");
    }

    @Test
    void anAlteredDigestOrField_isNamed_evenWithItsHashRecomputed() {
        List<MessageLogEntry> entries = append("digest", 3);
        MessageLogEntry middle = entries.get(1);
        tampered(middle.seq(), "UPDATE message_log SET request_digest = :v WHERE seq = :seq",
                Sm3.ofUtf8("something else").hex(), "fields or digests do not give its hash");

        MessageLogEntry forged = new MessageLogEntry(middle.seq(), middle.loggedAt(), middle.requestedAt(),
                middle.answeredAt(), middle.provider(), middle.operation(), middle.callingSystem(), "OTHER-CASE",
                middle.traceId(), middle.fault(), middle.requestDigest(), middle.responseDigest(),
                middle.requestBody(), middle.responseBody(), middle.prevHash(), null);
        rewritten(middle.seq(), () -> jdbc.sql("UPDATE message_log SET case_number = 'OTHER-CASE', entry_hash = :h"
                        + " WHERE seq = :seq").param("h", forged.chainHash(middle.prevHash()))
                .param("seq", middle.seq()).update(), "rewritten");
    }

    @Test
    void reorderedOrDeletedEntries_areNamed() {
        List<MessageLogEntry> entries = append("order", 3);
        long first = entries.get(0).seq();
        rewritten(first, () -> {
            jdbc.sql("UPDATE message_log SET seq = -1 WHERE seq = :a").param("a", first).update();
            jdbc.sql("UPDATE message_log SET seq = :a WHERE seq = :b").param("a", first).param("b", first + 1)
                    .update();
            jdbc.sql("UPDATE message_log SET seq = :b WHERE seq = -1").param("b", first + 1).update();
        }, "altered");
        rewritten(first + 1, () -> jdbc.sql("DELETE FROM message_log WHERE seq = :s").param("s", first + 1)
                .update(), "missing");
        long last = entries.get(2).seq();
        rewritten(last, () -> jdbc.sql("DELETE FROM message_log WHERE seq = :s").param("s", last).update(),
                "missing");
    }

    @Test
    void retention_deletesAPrefix_andTheRestStillVerifies() {
        append("retention-old", 2);
        assertThat(retention.purgeOlderThan(Duration.ofNanos(1))).isGreaterThanOrEqualTo(2);
        List<MessageLogEntry> kept = append("retention-new", 2);

        ChainVerification result = verifier.verify();
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.firstSeq()).isEqualTo(kept.get(0).seq());
        assertThat(result.checked()).isEqualTo(2);

        rewritten(kept.get(0).seq(), () -> jdbc.sql("DELETE FROM message_log WHERE seq = :s")
                .param("s", kept.get(0).seq()).update(), "missing");
    }

    @Test
    void checkpoints_catchAChainRewrittenConsistentlyInTheDatabase_endsRowIncluded() throws Exception {
        List<MessageLogEntry> entries = stored(append("anchor-rewrite", 3));
        assertThat(checkpoints.checkpointNow()).hasValueSatisfying(c -> assertThat(c.seq())
                .isEqualTo(entries.get(2).seq()));
        assertThat(checkpoints.checkpointNow()).as("an unchanged head is not written twice").isEmpty();
        assertThat(Files.readString(checkpoints.file())).contains(entries.get(2).entryHash());
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM message_log ORDER BY seq").query().listOfRows();
        Map<String, Object> ends = jdbc.sql("SELECT * FROM message_log_ends").query().singleRow();

        // An insider moves entry 2 to another case and re-chains everything after it, head included.
        String prev = entries.get(0).entryHash();
        for (MessageLogEntry stored : queries.page(entries.get(1).seq(), 10)) {
            MessageLogEntry forged = new MessageLogEntry(stored.seq(), stored.loggedAt(), stored.requestedAt(),
                    stored.answeredAt(), stored.provider(), stored.operation(), stored.callingSystem(),
                    stored.seq() == entries.get(1).seq() ? "SW-OTHER" : stored.caseNumber(), stored.traceId(),
                    stored.fault(), stored.requestDigest(), stored.responseDigest(), stored.requestBody(),
                    stored.responseBody(), prev, null);
            prev = forged.chainHash(prev);
            jdbc.sql("UPDATE message_log SET case_number = :c, prev_hash = :p, entry_hash = :h WHERE seq = :s")
                    .param("c", forged.caseNumber()).param("p", forged.prevHash()).param("h", prev)
                    .param("s", stored.seq()).update();
        }
        jdbc.sql("UPDATE message_log_ends SET last_hash = :h").param("h", prev).update();
        assertThat(new MessageLogVerifier(queries, MessageLogConfiguration.cipher(properties)).verify().intact())
                .as("the database alone cannot tell").isTrue();

        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).as(result.toString()).isEqualTo(entries.get(2).seq());
        assertThat(result.problem()).startsWith("rewritten").contains("checkpointed at", "line ");
        restore(rows);
        restoreEnds(ends);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void checkpoints_catchTheLastEntriesCutOffWithTheHeadMovedBack() {
        List<MessageLogEntry> entries = stored(append("anchor-cut", 2));
        checkpoints.checkpointNow();
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM message_log ORDER BY seq").query().listOfRows();
        Map<String, Object> ends = jdbc.sql("SELECT * FROM message_log_ends").query().singleRow();

        jdbc.sql("DELETE FROM message_log WHERE seq = :s").param("s", entries.get(1).seq()).update();
        jdbc.sql("UPDATE message_log_ends SET last_seq = :s, last_hash = :h").param("s", entries.get(0).seq())
                .param("h", entries.get(0).entryHash()).update();

        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).as(result.toString()).isEqualTo(entries.get(1).seq());
        assertThat(result.problem()).startsWith("missing").contains("checkpointed");
        restore(rows);
        restoreEnds(ends);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void checkpoints_anEditedCheckpointLineIsEvident_andNothingIsAppendedAfterIt() throws Exception {
        append("anchor-file", 1);
        checkpoints.checkpointNow();
        String original = Files.readString(checkpoints.file());
        List<String> lines = Files.readAllLines(checkpoints.file());
        String last = lines.get(lines.size() - 1);
        String[] parts = last.split(" ");
        lines.set(lines.size() - 1, String.join(" ", parts[0], Long.toString(Long.parseLong(parts[1]) - 1), parts[2],
                parts[3], parts[4]));
        Files.write(checkpoints.file(), lines);
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).startsWith("checkpoints:").contains("line " + lines.size() + " was altered");
            append("anchor-file", 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkpoints.checkpointNow())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        } finally {
            Files.writeString(checkpoints.file(), original);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** The entries as stored, with their hashes. */
    private List<MessageLogEntry> stored(List<MessageLogEntry> appended) {
        return appended.stream().map(e -> queries.at(e.seq()).orElseThrow()).toList();
    }

    private void restoreEnds(Map<String, Object> ends) {
        jdbc.sql("UPDATE message_log_ends SET first_seq = :f, anchor_hash = :a, last_seq = :l, last_hash = :h")
                .param("f", ends.get("first_seq")).param("a", ends.get("anchor_hash"))
                .param("l", ends.get("last_seq")).param("h", ends.get("last_hash")).update();
    }

    private List<MessageLogEntry> append(String caseNumber, int count) {
        Instant now = Instant.now();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> log.appendOrThrow(LoggedExchange.answered(
                Provider.LICENCE, "verify", CallContext.of("message-log-it", "44150077", caseNumber, "330217001000",
                        null), now, now, "{\"n\":" + i + ",\"id\":\"440000199001010000\"}", "{\"ok\":" + i + "}")))
                .toList();
    }

    /** Applies {@code sql} with {@code value} to entry {@code seq}, expects it named, then puts the log back. */
    private void tampered(long seq, String sql, String value, String problem) {
        rewritten(seq, () -> jdbc.sql(sql).param("v", value).param("seq", seq).update(), problem);
    }

    private void rewritten(long named, Runnable tampering, String problem) {
        List<Map<String, Object>> before = jdbc.sql("SELECT * FROM message_log ORDER BY seq").query().listOfRows();
        assertThat(verifier.verify().intact()).as("intact before tampering").isTrue();
        tampering.run();
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).as(result.toString()).isEqualTo(named);
        assertThat(result.problem()).contains(problem);
        restore(before);
        assertThat(verifier.verify().intact()).as("intact once put back").isTrue();
    }

    private void restore(List<Map<String, Object>> rows) {
        jdbc.sql("DELETE FROM message_log").update();
        for (Map<String, Object> row : rows) {
            String columns = String.join(", ", row.keySet());
            String params = row.keySet().stream().map(c -> ":" + c).collect(java.util.stream.Collectors.joining(", "));
            JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO message_log (" + columns + ") VALUES (" + params
                    + ")");
            for (Map.Entry<String, Object> column : row.entrySet()) {
                insert = insert.param(column.getKey(), column.getValue());
            }
            insert.update();
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private HttpResponse<String> signedGet(String pathAndQuery) throws Exception {
        return new SignedHttp(base()).get(pathAndQuery, OPS, OPS_SECRET);
    }

}
