package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.outbox.DurableHub;
import cn.gov.shanwei.enforcement.app.outbox.EffectProvider;
import cn.gov.shanwei.enforcement.app.outbox.HttpEffectHandler;
import cn.gov.shanwei.enforcement.app.support.HeadlessChromium;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * The ops page over a running hub with real dead letters: rendered for an ops client (and refused to anyone else),
 * drawn in headless Chromium (screenshot kept in {@code target/browser/ops-console.png}), and its form actions —
 * discard with a reason, replay — work, are audited, and cannot be forged by an unsigned cross-site post.
 */
class OpsConsoleIT {

    private static final String OPS = "ops-console";
    private static final String OPS_SECRET = "ops-console-secret-0123456789abcdef0123";
    private static final String NO_KEYS = "ops-console-no-keys";
    private static final String NO_KEYS_SECRET = "ops-console-no-keys-secret-0123456789ab";
    private static final String DLQ_ONLY = "dlq-only";
    private static final String DLQ_ONLY_SECRET = "dlq-only-secret-0123456789abcdef0123456";
    private static final String OPERATION = HttpEffectHandler.OPERATION.id();
    private static final String PAGE = OpsConsoleController.PATH;

    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("ops-console"), provider.baseUrl(),
                "--hub.clients." + OPS + ".name=Ops console",
                "--hub.clients." + OPS + ".secrets[0]=" + OPS_SECRET,
                "--hub.clients." + OPS + ".services[0]=" + OpsController.DLQ_SERVICE,
                "--hub.clients." + OPS + ".services[1]=" + ProviderCallsController.SERVICE,
                "--hub.clients." + OPS + ".services[2]=" + KeyRotationController.SERVICE,
                "--hub.clients." + NO_KEYS + ".name=Ops console without keys",
                "--hub.clients." + NO_KEYS + ".secrets[0]=" + NO_KEYS_SECRET,
                "--hub.clients." + NO_KEYS + ".services[0]=" + OpsController.DLQ_SERVICE,
                "--hub.clients." + NO_KEYS + ".services[1]=" + ProviderCallsController.SERVICE,
                "--hub.clients." + DLQ_ONLY + ".name=DLQ only",
                "--hub.clients." + DLQ_ONLY + ".secrets[0]=" + DLQ_ONLY_SECRET,
                "--hub.clients." + DLQ_ONLY + ".services[0]=" + OpsController.DLQ_SERVICE);
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        http = new SignedHttp(URI.create("http://127.0.0.1:" + port));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        provider.close();
    }

    @Test
    void page_showsProvidersRoutesQueuesDeadLettersAndFailures_andIsDrawnInChromium() throws Exception {
        provider.poison("page-0");
        DurableHub.enqueue(hub, "page", 3, 3, 3);
        awaitDeadLetter("idem-page-0");
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().containsKey("page-2"));

        HttpResponse<String> page = http.get(PAGE, OPS, OPS_SECRET);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("data-provider=\"licence\"", "data-provider=\"exchange\"",
                "data-route=\"durable-exchange-test-effect\"", "data-operation=\"" + OPERATION + "\"",
                "hub.durable.exchange.test-effect", "data-key=\"idem-page-0\"", "REJECTED_BY_PROVIDER",
                "OPS_LATENCY", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/ops/console.js");
        assertThat(page.body()).as("no cookie, no session").doesNotContain("_csrf");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(count("console.view", null)).isGreaterThanOrEqualTo(1);

        assumeTrue(HeadlessChromium.isInstalled(), "chromium is not installed (see .ci/run)");
        String html = page.body().replace("src=\"/", "src=\"" + http.base() + "/");
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Path saved = dir.resolve("ops-console.html");
        Files.writeString(saved, html);
        String dom = HeadlessChromium.dumpDom(saved);
        assertThat(dom).contains("data-key=\"idem-page-0\"", "<canvas", "id=\"resync-all\"", "id=\"key-rotation\"");
        assertThat(dom).as("at least one provider's latency series drawn").containsPattern("data-series=\"[1-9]");
        Path shot = dir.resolve("ops-console.png");
        HeadlessChromium.screenshot(saved, shot);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void page_isRefusedWithoutSignature_andWithoutBothOpsServices() {
        assertThat(http.get(PAGE).statusCode()).isEqualTo(401);
        HttpResponse<String> dlqOnly = http.get(PAGE, DLQ_ONLY, DLQ_ONLY_SECRET);
        assertThat(dlqOnly.statusCode()).isEqualTo(403);
        assertThat(dlqOnly.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
    }

    @Test
    void discardForm_needsAReason_thenDiscardsAuditsAndRedirectsBackToThePage() {
        provider.poison("form-discard-0");
        DurableHub.enqueue(hub, "form-discard", 1, 1, 1);
        awaitDeadLetter("idem-form-discard-0");

        HttpResponse<String> noReason = form("/discard", "operation=" + OPERATION
                + "&idempotencyKey=idem-form-discard-0&reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(count("console.dlq.discard", "refused%")).isEqualTo(1);

        HttpResponse<String> discarded = form("/discard", "operation=" + OPERATION
                + "&idempotencyKey=idem-form-discard-0&reason=" + enc("duplicate of an earlier notice"));
        assertThat(discarded.statusCode()).isEqualTo(303);
        assertThat(discarded.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith(PAGE + "?done=").contains("idem-form-discard-0"));
        assertThat(jdbc().sql("SELECT state || ':' || discard_reason FROM outbox_message"
                + " WHERE idempotency_key = 'idem-form-discard-0'").query(String.class).single())
                .isEqualTo("DISCARDED:duplicate of an earlier notice");
        assertThat(count("console.dlq.discard", "discarded")).isEqualTo(1);
        assertThat(hub.getBean(DeadLetterQueues.class).list(HttpEffectHandler.OPERATION, 100))
                .noneMatch(d -> d.idempotencyKey().equals("idem-form-discard-0"));
    }

    @Test
    void replayForm_deliversTheEffectOnce_andAnUnsignedCrossSitePostChangesNothing() {
        provider.poison("form-replay-0");
        DurableHub.enqueue(hub, "form-replay", 1, 1, 1);
        awaitDeadLetter("idem-form-replay-0");
        provider.cure("form-replay-0");
        String body = "operation=" + OPERATION + "&idempotencyKey=idem-form-replay-0";

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(http.base().resolve(PAGE + "/replay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(hub.getBean(DeadLetterQueues.class).list(HttpEffectHandler.OPERATION, 100))
                .anyMatch(d -> d.idempotencyKey().equals("idem-form-replay-0"));

        HttpResponse<String> replayed = form("/replay", body);
        assertThat(replayed.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().containsKey("form-replay-0"));
        assertThat(provider.effects()).containsEntry("form-replay-0", 1);
        assertThat(count("console.dlq.replay", "replayed 1")).isEqualTo(1);

        HttpResponse<String> again = form("/replay", body);
        assertThat(again.statusCode()).as("no longer a dead letter").isEqualTo(404);
    }

    /**
     * Messages removed from the broker behind the hub's back (their rows stay QUEUED): the page's resync form finds
     * them in neither the queue nor the DLQ, sends them again, comes back with the counts and is audited; each effect
     * then happens once. Drawn in Chromium with the outcome shown.
     */
    @Test
    void resyncForm_resendsWhatTheBrokerLost_andThePageShowsTheCounts() throws Exception {
        HttpResponse<String> resynced = DurableHub.withTestRouteStopped(hub, () -> {
            assertThat(DurableHub.enqueueAndLoseInTheBroker(hub, "lost", 3)).isEqualTo(3);
            Thread.sleep(1_200);   // quiet for longer than the form's olderThan

            HttpResponse<String> badAge = form("/resync", "operation=" + OPERATION + "&olderThan=soon");
            assertThat(badAge.statusCode()).isEqualTo(400);
            assertThat(badAge.body()).contains("olderThan");

            return form("/resync", "operation=" + OPERATION + "&olderThan=1s");
        });
        assertThat(resynced.statusCode()).isEqualTo(303);
        String location = resynced.headers().firstValue("Location").orElseThrow();
        String shown = URLDecoder.decode(location.substring(location.indexOf("?done=") + 6),
                StandardCharsets.UTF_8);
        assertThat(shown).startsWith("resync of " + OPERATION + " (older than PT1S): " + OPERATION + " checked ")
                .containsPattern("in queue \\d+, in dead letters \\d+, re-sent 3");
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.effects().keySet()
                .containsAll(List.of("lost-0", "lost-1", "lost-2")));
        assertThat(provider.effects()).containsEntry("lost-0", 1).containsEntry("lost-1", 1)
                .containsEntry("lost-2", 1);
        assertThat(count("console.durable.resync", "resent 3 %")).isEqualTo(1);
        assertThat(count("console.durable.resync", "refused%")).isEqualTo(1);

        HttpResponse<String> all = form("/resync", "operation=&olderThan=");
        assertThat(all.statusCode()).isEqualTo(303);
        assertThat(all.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains(enc("resync of all (older than ")).contains(enc("re-sent 0")));

        HttpResponse<String> page = http.get(location, OPS, OPS_SECRET);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"done\"", "re-sent 3");
        assumeTrue(HeadlessChromium.isInstalled(), "chromium is not installed (see .ci/run)");
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Path saved = dir.resolve("ops-console-resync.html");
        Files.writeString(saved, page.body().replace("src=\"/", "src=\"" + http.base() + "/"));
        assertThat(HeadlessChromium.dumpDom(saved)).contains("re-sent 3", "id=\"resync-all\"");
        Path shot = dir.resolve("ops-console-resync.png");
        HeadlessChromium.screenshot(saved, shot);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /** The key rotation panel and its run form for a client with ops.keys; the page without them for one without. */
    @Test
    void keyRotationPanel_onlyWithOpsKeys_andItsRunFormStartsARun() {
        HttpResponse<String> withKeys = http.get(PAGE, OPS, OPS_SECRET);
        assertThat(withKeys.statusCode()).isEqualTo(200);
        assertThat(withKeys.body()).contains("id=\"key-rotation\"", "data-keys=\"hub.cases.crypto\"",
                "data-keys=\"hub.message-log\"", "data-column=\"message_log.request_body\"",
                "id=\"key-rotation-run\"");
        assertThat(count("console.key-rotation.progress", "remaining %")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> withoutKeys = http.get(PAGE, NO_KEYS, NO_KEYS_SECRET);
        assertThat(withoutKeys.statusCode()).as(withoutKeys.body()).isEqualTo(200);
        assertThat(withoutKeys.body()).contains("id=\"queues\"", "id=\"resync-all\"")
                .doesNotContain("key-rotation");
        assertThat(form("/key-rotation/run", "", NO_KEYS, NO_KEYS_SECRET).statusCode()).isEqualTo(403);

        HttpResponse<String> run = form("/key-rotation/run", "");
        assertThat(run.statusCode()).isEqualTo(303);
        assertThat(run.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains(enc("re-encryption started at ")));
        assertThat(count("console.key-rotation.run", "started")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !hub.getBean(KeyRotation.class).status().run().running());
        assertThat(http.get(PAGE, OPS, OPS_SECRET).body()).contains("id=\"key-run\"").doesNotContain("无 · none");
    }

    private static HttpResponse<String> form(String action, String body) {
        return form(action, body, OPS, OPS_SECRET);
    }

    private static HttpResponse<String> form(String action, String body, String client, String secret) {
        return http.postForm(PAGE + action, body, client, secret);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JdbcClient jdbc() {
        return hub.getBean(JdbcClient.class);
    }

    private static int count(String action, String outcomeLike) {
        return jdbc().sql("SELECT COUNT(*) FROM ops_audit WHERE client_id = :c AND action = :a"
                        + (outcomeLike == null ? "" : " AND outcome LIKE :o"))
                .param("c", OPS).param("a", action).param("o", outcomeLike == null ? "%" : outcomeLike)
                .query(Integer.class).single();
    }

    private static void awaitDeadLetter(String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.getBean(DeadLetterQueues.class)
                .list(HttpEffectHandler.OPERATION, 100).stream().anyMatch(d -> d.idempotencyKey().equals(key)));
    }
}
