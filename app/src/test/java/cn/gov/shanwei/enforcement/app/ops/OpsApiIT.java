package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.monitoring.RetentionPurge;
import cn.gov.shanwei.enforcement.app.outbox.DurableHub;
import cn.gov.shanwei.enforcement.app.outbox.EffectProvider;
import cn.gov.shanwei.enforcement.app.outbox.HttpEffectHandler;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops API over real dead letters: a provider refuses an effect, the broker dead-letters it, ops lists and
 * inspects it, then replays it (delivered once, and its case's later effect after it) or discards it with a reason
 * (its case goes on without it). Then the monitoring records of those calls, by case and by provider, their
 * retention, and the metrics. Authenticated and audited.
 */
class OpsApiIT {

    private static final String OPS = "ops-console";
    private static final String OPS_SECRET = "ops-console-secret-0123456789abcdef0123";
    private static final String OPERATION = HttpEffectHandler.OPERATION.id();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_LICENCE =
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";

    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;
    private static OpsHttp ops;

    @BeforeAll
    static void start() {
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("ops"), provider.baseUrl(),
                "--hub.clients." + OPS + ".name=Ops console",
                "--hub.clients." + OPS + ".secrets[0]=" + OPS_SECRET,
                "--hub.clients." + OPS + ".services[0]=" + OpsController.DLQ_SERVICE,
                "--hub.clients." + OPS + ".services[1]=" + ProviderCallsController.SERVICE,
                // One effect failing on every delivery must not open the test provider's breaker here: then each of
                // its deliveries reaches the provider (SealApiIT shows what an open breaker does to queued work).
                "--hub.providers.exchange.sliding-window-size=100",
                "--hub.providers.exchange.minimum-calls=100",
                // The metrics test's synchronous call is the sandbox's first: a cold SOAP stack on a busy machine.
                "--hub.providers.licence.read-timeout=15s",
                "--hub.ops-audit.refusal-window=100ms",
                "--hub.providers.licence.total-timeout=20s");
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        ops = new OpsHttp(URI.create("http://127.0.0.1:" + port), OPS, OPS_SECRET);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        provider.close();
    }

    @Test
    void refusedEffect_isListedWithItsLastError_inspected_andReplayedOnceInItsCaseOrder() throws Exception {
        provider.poison("replay-0");
        DurableHub.enqueue(hub, "replay", 2, 1, 1);
        JsonNode letter = awaitDeadLetter("idem-replay-0");

        assertThat(letter.path("state").asText()).isEqualTo("REJECTED");
        assertThat(letter.path("lastError").asText()).contains("REJECTED_BY_PROVIDER");
        assertThat(letter.path("caseNumber").asText()).isEqualTo("replay-case-0");
        HttpResponse<String> inspected = ops.get("/api/v1/ops/dead-letters/" + OPERATION + "/idem-replay-0");
        assertThat(inspected.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(inspected.body()).path("payload").asText()).isEqualTo("{\"n\":0}");
        assertThat(provider.effects()).as("its case waits behind it").doesNotContainKey("replay-1");

        provider.cure("replay-0");
        replayedOnceInItsCaseOrder("replay-0", "replay-case-0", "replay-0", "replay-1");
    }

    @Test
    void anEffectWhoseProviderStaysUnavailable_isDeadLetteredAfterTheLastDelivery_andOtherCasesGoOn_andReplayedOnce()
            throws Exception {
        provider.unavailableFor("flaky-0");
        DurableHub.enqueue(hub, "flaky", 4, 2, 1);
        JsonNode letter = awaitDeadLetter("idem-flaky-0");

        assertThat(letter.path("state").asText()).as("not refused: it may still work").isEqualTo("RETRYING");
        assertThat(letter.path("attempts").asInt()).as("every delivery the broker made reached the provider")
                .isEqualTo(DurableHub.MAX_DELIVERY_ATTEMPTS);
        assertThat(letter.path("lastError").asText()).as("its retries reconcile first, and that failed too")
                .startsWith("reconcile: ProviderTransportException").contains("HTTP 503");
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().containsKey("flaky-3"));
        assertThat(provider.orderOf("flaky-case-1")).as("the other case is delivered")
                .containsExactly("flaky-1", "flaky-3");
        assertThat(provider.effects()).as("its own case waits behind it").doesNotContainKeys("flaky-0", "flaky-2");

        provider.cure("flaky-0");
        replayedOnceInItsCaseOrder("flaky-0", "flaky-case-0", "flaky-0", "flaky-2");
    }

    /** Ops replays the dead letter of {@code businessKey}: it is delivered once, then its case's later effects. */
    private static void replayedOnceInItsCaseOrder(String businessKey, String caseNumber, String... caseOrder)
            throws Exception {
        HttpResponse<String> replayed = ops.post("/api/v1/ops/dead-letters/" + OPERATION + "/idem-" + businessKey
                + "/replay", "");
        assertThat(replayed.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> provider.orderOf(caseNumber).size() == caseOrder.length);
        assertThat(provider.orderOf(caseNumber)).containsExactly(caseOrder);
        for (String effect : caseOrder) {
            assertThat(provider.effects()).as("delivered once").containsEntry(effect, 1);
        }
        assertThat(deadLetterKeys()).doesNotContain("idem-" + businessKey);
    }

    @Test
    void discardWithAReason_dropsTheEffectForGood_andItsCaseGoesOn() throws Exception {
        provider.poison("discard-0");
        DurableHub.enqueue(hub, "discard", 2, 1, 1);
        awaitDeadLetter("idem-discard-0");

        HttpResponse<String> noReason = ops.post("/api/v1/ops/dead-letters/" + OPERATION
                + "/idem-discard-0/discard", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> discarded = ops.post("/api/v1/ops/dead-letters/" + OPERATION
                + "/idem-discard-0/discard", "{\"reason\":\"licence withdrawn by the holder; no usage to record\"}");
        assertThat(discarded.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().containsKey("discard-1"));
        assertThat(provider.effects()).doesNotContainKey("discard-0");
        assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT state || ':' || discard_reason FROM outbox_message WHERE business_key = 'discard-0'")
                .query(String.class).single())
                .isEqualTo("DISCARDED:licence withdrawn by the holder; no usage to record");
        assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = ? AND action = 'dlq.discard'"
                        + " AND target = 'idem-discard-0' AND outcome = 'discarded' AND reason LIKE 'licence%'")
                .param(OPS).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void replayAll_sendsEveryDeadLetterOfTheOperationBack() throws Exception {
        provider.poison("all-0");
        provider.poison("all-1");
        DurableHub.enqueue(hub, "all", 2, 2, 2);
        awaitDeadLetter("idem-all-0");
        awaitDeadLetter("idem-all-1");
        provider.cure("all-0");
        provider.cure("all-1");

        HttpResponse<String> replayed = ops.post("/api/v1/ops/dead-letters/" + OPERATION + "/replay", "");

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).path("replayed").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().keySet()
                .containsAll(List.of("all-0", "all-1")));
        assertThat(provider.effects()).containsEntry("all-0", 1).containsEntry("all-1", 1);
    }

    @Test
    void theOpsApi_isForRegisteredOpsClientsOnly_andNamesWhatIsMissing() throws Exception {
        assertThat(ops.unsignedGet("/api/v1/ops/dead-letters").statusCode()).isEqualTo(401);
        OpsHttp demo = new OpsHttp(ops.base(), "sandbox-demo", "sandbox-demo-secret-0123456789abcdef");
        assertThat(demo.get("/api/v1/ops/dead-letters").statusCode()).isEqualTo(403);
        // Both refusals reach the ops audit, though neither got as far as a controller's own audit: counted in
        // rows of their caller and kind, written by the refusal writer after its window (ADR 0919).
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT outcome FROM ops_audit WHERE action = 'access.refused'"
                            + " AND client_id = '(unauthenticated)' AND target = 'GET /api/v1/ops/dead-letters'"
                            + " AND refusals >= 1 AND first_at <= at AND remote_address IS NOT NULL")
                    .query(String.class).list()).anyMatch(outcome -> outcome.startsWith("refused: HTTP 401"));
            assertThat(jdbc.sql("SELECT outcome FROM ops_audit WHERE action = 'access.refused'"
                            + " AND client_id = 'sandbox-demo' AND target = 'GET /api/v1/ops/dead-letters'"
                            + " AND refusals >= 1")
                    .query(String.class).list())
                    .contains("refused: HTTP 403, not registered for " + OpsController.DLQ_SERVICE);
        });

        HttpResponse<String> unknownOperation = ops.get("/api/v1/ops/dead-letters/seal.nothing/idem-x");
        assertThat(unknownOperation.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownOperation.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> unknownMessage = ops.post("/api/v1/ops/dead-letters/" + OPERATION
                + "/idem-never-enqueued/replay", "");
        assertThat(unknownMessage.statusCode()).isEqualTo(404);
        assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM ops_audit WHERE action = 'dlq.replay' AND outcome LIKE 'refused:%'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void resync_isForOpsClientsOnly_audited_answersPerOperation_andRefusesBadParameters() throws Exception {
        String resync = "/api/v1/ops/durable/resync";
        assertThat(ops.unsignedPost(resync).statusCode()).isEqualTo(401);
        assertThat(ops.unsignedGet("/api/v1/ops/durable/unsettled").statusCode()).isEqualTo(401);
        OpsHttp demo = new OpsHttp(ops.base(), "sandbox-demo", "sandbox-demo-secret-0123456789abcdef");
        assertThat(demo.post(resync, "").statusCode()).isEqualTo(403);
        assertThat(demo.get("/api/v1/ops/durable/unsettled").statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM ops_audit WHERE action = 'access.refused' AND client_id = 'sandbox-demo'"
                        + " AND target = 'POST /api/v1/ops/durable/**'")
                .query(Integer.class).single() >= 1);

        assertRefused(resync + "?olderThan=soon", "olderThan");
        assertRefused(resync + "?olderThan=100ms", "olderThan");   // under two back-offs of 400 ms
        assertRefused(resync + "?olderThan=-20m", "olderThan");
        assertRefused(resync + "?operation=seal.nothing", "operation");
        assertRefused(resync + "?limit=0", "limit");
        assertRefused(resync + "?limit=many", "limit");

        HttpResponse<String> done = ops.post(resync + "?operation=" + OPERATION + "&olderThan=PT10M&limit=50", "");
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(done.body());
        assertThat(answer.path("olderThan").asText()).isEqualTo("PT10M");
        assertThat(answer.path("resent").asInt()).isZero();
        assertThat(answer.path("complete").asBoolean()).isTrue();
        assertThat(answer.path("operations").path(OPERATION).path("checked").isInt()).isTrue();
        assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = ? AND action = 'durable.resync'"
                        + " AND operation = ? AND target = 'olderThan=PT10M' AND outcome LIKE 'resent 0 %'")
                .params(OPS, OPERATION).query(Integer.class).single()).isEqualTo(1);
        assertThat(hub.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = ? AND action = 'durable.resync'"
                        + " AND outcome LIKE 'refused:%'")
                .param(OPS).query(Integer.class).single()).as("refused ones too").isEqualTo(6);

        HttpResponse<String> unsettled = ops.get("/api/v1/ops/durable/unsettled");
        assertThat(unsettled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(unsettled.body()).path("operations").path(OPERATION).path("stuck").isNumber())
                .isTrue();
        assertThat(JSON.readTree(unsettled.body()).path("stuckAfter").asText()).isEqualTo("PT15M");
        String scraped = prometheus();
        assertThat(sample(scraped, "hub_durable_unsettled_stuck", "operation", OPERATION)).isNotNaN();
        assertThat(sample(scraped, "hub_durable_unsettled_oldest_seconds", "operation", OPERATION)).isNotNaN();
        assertThat(JSON.readTree(ops.unsignedGet("/actuator/health").body()).path("components")
                .path("durableDeliveries").path("details").path("stuckAfter").asText()).isEqualTo("PT15M");
    }

    private static void assertRefused(String pathAndQuery, String field) throws Exception {
        HttpResponse<String> refused = ops.post(pathAndQuery, "");
        assertThat(refused.statusCode()).as(pathAndQuery).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.findValuesAsText("field")).as(pathAndQuery).contains(field);
    }

    @Test
    void everyAttempt_isAMonitoringRecord_queryableByCaseAndByProvider() throws Exception {
        provider.poison("mon-0");
        DurableHub.enqueue(hub, "mon", 2, 1, 1);
        awaitDeadLetter("idem-mon-0");
        provider.cure("mon-0");
        ops.post("/api/v1/ops/dead-letters/" + OPERATION + "/idem-mon-0/replay", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().containsKey("mon-1"));

        JsonNode calls = await().until(() -> JSON.readTree(
                ops.get("/api/v1/ops/provider-calls?caseNumber=mon-case-0").body()).path("calls"),
                found -> found.findValuesAsText("status").contains("DELIVERED")
                        && countStatus(found, "DELIVERED") == 2);
        assertThat(calls.findValuesAsText("status")).contains("REFUSED", "DELIVERED");
        JsonNode delivered = first(calls, "DELIVERED");
        assertThat(delivered.path("provider").asText()).isEqualTo("exchange");
        assertThat(delivered.path("operation").asText()).isEqualTo("test-effect");
        assertThat(delivered.path("officerId").asText()).isEqualTo("officer-007");
        assertThat(delivered.path("matterCode").asText()).isEqualTo("330217001000");
        assertThat(delivered.path("idempotencyKey").asText()).startsWith("idem-mon-");
        assertThat(delivered.path("requestBytes").asLong()).isEqualTo(7);
        assertThat(delivered.path("providerRequestTs").isTextual()).isTrue();
        assertThat(delivered.path("providerResponseTs").isTextual()).isTrue();
        assertThat(first(calls, "REFUSED").path("faultCode").asText()).isEqualTo("REJECTED_BY_PROVIDER");

        JsonNode byProvider = JSON.readTree(ops.get("/api/v1/ops/provider-calls?provider=exchange&limit=1000")
                .body()).path("calls");
        assertThat(byProvider.findValuesAsText("caseNumber")).contains("mon-case-0");
        assertThat(ops.get("/api/v1/ops/provider-calls?provider=nowhere").statusCode()).isEqualTo(400);
        assertThat(ops.get("/api/v1/ops/provider-calls").statusCode()).isEqualTo(400);
        assertThat(ops.get("/api/v1/ops/provider-calls?provider=exchange&since=yesterday").statusCode())
                .isEqualTo(400);
    }

    @Test
    void retention_deletesOnlyWhatThePolicyNoLongerKeeps() {
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        insertOldCall(jdbc, "trace-ancient", Duration.ofDays(181));
        insertOldCall(jdbc, "trace-recent", Duration.ofDays(179));

        RetentionPurge.Purged purged = hub.getBean(RetentionPurge.class).purgeNow();

        assertThat(purged.monitoringRecords()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT trace_id FROM provider_call WHERE calling_system = 'old-system'")
                .query(String.class).list()).containsExactly("trace-recent");
    }

    private static void insertOldCall(JdbcClient jdbc, String traceId, Duration age) {
        java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.now().minus(age));
        jdbc.sql("""
                INSERT INTO provider_call (request_in_ts, response_out_ts, duration_ms, provider, operation,
                    calling_system, matter_code, trace_id, attempts, outcome)
                VALUES (?, ?, 1, 'licence', 'verify', 'old-system', '330217001000', ?, 1, 'SUCCESS')
                """)
                .params(at, at, traceId)
                .update();
    }

    @Test
    void prometheus_showsBreakersBacklogCallLatencyErrorsByFaultAndTheDeadLetterQueue() throws Exception {
        try (EnforcementHubClient demo = EnforcementHubClient.builder().endpoint(ops.base().toString())
                .credentials("sandbox-demo", "sandbox-demo-secret-0123456789abcdef")
                .timeouts(Duration.ofSeconds(25), Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.none()).applicationName("ops-api-it").build()) {
            assertThat(demo.licences().verify(VerifyLicenceRequest.builder().licenceId(VALID_LICENCE)
                    .matterCode("330217001000").caseNumber("metrics-case-sync").officerId("44150001").build())
                    .isValid()).isTrue();
        }
        provider.poison("metrics-0");
        DurableHub.enqueue(hub, "metrics", 1, 1, 1);
        awaitDeadLetter("idem-metrics-0");

        String scraped = await().atMost(Duration.ofSeconds(30)).until(() -> prometheus(), body ->
                sample(body, "hub_durable_dlq_size", "operation", OPERATION) == 1.0);

        assertThat(scraped).contains("hub_provider_breaker_state{provider=\"licence\"} 0.0")
                .contains("hub_durable_entries{operation=\"exchange.test-effect\",state=\"PENDING\"}");
        assertThat(sample(scraped, "hub_provider_call_seconds_count", "provider", "licence", "operation", "verify",
                "outcome", "SUCCESS")).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(scraped, "hub_provider_call_seconds_bucket", "provider", "licence", "operation", "verify",
                "outcome", "SUCCESS", "le", "8.0")).as("an SLO bucket").isGreaterThanOrEqualTo(1.0);
        assertThat(sample(scraped, "hub_provider_call_seconds_bucket", "provider", "exchange", "operation",
                "test-effect", "outcome", "PROVIDER_FAILED", "le", "+Inf")).as("durable calls are timed too")
                .isGreaterThanOrEqualTo(1.0);
        assertThat(sample(scraped, "hub_provider_errors_total", "provider", "exchange", "operation", "test-effect",
                "fault", "REJECTED_BY_PROVIDER")).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(scraped, "hub_provider_errors_total", "provider", "licence"))
                .as("a successful call is no error").isNaN();
        assertThat(sample(scraped, "hub_durable_queue_depth", "operation", OPERATION,
                "queue", "hub.durable." + OPERATION)).isGreaterThanOrEqualTo(0.0);

        ops.post("/api/v1/ops/dead-letters/" + OPERATION + "/idem-metrics-0/discard",
                "{\"reason\":\"metrics test: nothing to deliver\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                sample(prometheus(), "hub_durable_dlq_size", "operation", OPERATION) == 0.0);
    }

    @Test
    void health_reportsEveryRouteWithItsStatus() throws Exception {
        JsonNode routes = JSON.readTree(ops.unsignedGet("/actuator/health").body()).path("components")
                .path("routes");

        assertThat(routes.path("status").asText()).isEqualTo("UP");
        assertThat(routes.path("details").path("durable-exchange-test-effect").asText()).isEqualTo("Started");
        assertThat(routes.path("details").path("licence-verify").asText()).isEqualTo("Started");
    }

    private static String prometheus() {
        HttpResponse<String> scraped = ops.unsignedGet("/actuator/prometheus");
        assertThat(scraped.statusCode()).isEqualTo(200);
        return scraped.body();
    }

    /** The value of the sample of {@code name} with all the given labels (others may be there too); NaN if none. */
    private static double sample(String body, String name, String... labels) {
        for (String line : body.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                String label = labels[i] + "=\"" + labels[i + 1] + "\"";
                all &= line.contains("{" + label + ",") || line.contains("," + label + ",")
                        || line.contains("," + label + "}") || line.contains("{" + label + "}");
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private static long countStatus(JsonNode calls, String status) {
        return calls.findValuesAsText("status").stream().filter(status::equals).count();
    }

    private static JsonNode first(JsonNode calls, String status) {
        for (JsonNode call : calls) {
            if (call.path("status").asText().equals(status)) {
                return call;
            }
        }
        throw new AssertionError("no " + status + " call in " + calls);
    }

    private static JsonNode awaitDeadLetter(String idempotencyKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> listed = ops.get("/api/v1/ops/dead-letters?operation=" + OPERATION);
            assertThat(listed.statusCode()).isEqualTo(200);
            for (JsonNode letter : JSON.readTree(listed.body()).path("deadLetters")) {
                if (letter.path("idempotencyKey").asText().equals(idempotencyKey)) {
                    return letter;
                }
            }
            return null;
        }, letter -> letter != null);
    }

    private static List<String> deadLetterKeys() throws Exception {
        HttpResponse<String> listed = ops.get("/api/v1/ops/dead-letters");
        return JSON.readTree(listed.body()).path("deadLetters").findValuesAsText("idempotencyKey");
    }
}
