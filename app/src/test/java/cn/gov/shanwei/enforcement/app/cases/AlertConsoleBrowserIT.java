package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.ChromiumDevTools;
import cn.gov.shanwei.enforcement.app.support.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alert console (预警台) live in a browser (issue 8): 海丰县司法局's supervisor has the console open in headless
 * Chromium; an officer records through the staff API a seizure taken 60 days ago and never extended; the hub reads the
 * case platform's procedure feed, raises the overdue alert and pushes it (server-sent events); the page shows it
 * without a reload, and the listed alerts (the console reloaded, and {@code GET /alerts}) show it as standing.
 * Screenshots are kept in {@code target/browser/}.
 *
 * <p>A browser's EventSource cannot send a bearer token: the console back end relays the page and its requests with
 * the officer's token (ADR 0704). Chromium's DevTools add the same header to every request of the page, which is what
 * the hub sees from such a relay.
 */
class AlertConsoleBrowserIT extends StaffApiTestBase {

    static final String CONSOLE = "/api/v1/supervision/alerts/console";

    @Test
    @DisplayName("a measure past its term, recorded through the staff API, appears on the open console without a reload")
    void newAlertAppearsLive() throws Exception {
        assumeTrue(HeadlessChromium.isInstalled(), "chromium is not installed (see .ci/run)");
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        String base = "http://127.0.0.1:" + port;
        try (ChromiumDevTools browser = ChromiumDevTools.start(1400, 900)) {
            browser.extraHeaders(Map.of("Authorization", "Bearer token-uid-hf-supervisor"));
            browser.navigate(base + CONSOLE);
            awaitStreamOpen(browser);
            assertThat(browser.evaluate("document.title").asText()).isEqualTo("监督预警 · 海丰县司法局");
            long totalBefore = browser.evaluate("Number(document.getElementById('alert-total').textContent)").asLong();
            long severeBefore = browser.evaluate("Number(document.getElementById('alert-severe').textContent)")
                    .asLong();
            browser.evaluate("window.loadedOnce = 'still the first load'");

            String number = overdueSeizure();
            String alertId = "COERCIVE_MEASURE_OVERDUE:" + number + ":term";
            String row = "document.querySelector('#alert-table tbody tr[data-alert=\"" + alertId + "\"]')";
            await("the pushed alert on the page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> browser.evaluate(row + " !== null").asBoolean());
            assertThat(browser.evaluate("window.loadedOnce").asText()).as("no reload").isEqualTo("still the first load");
            assertThat(browser.evaluate(row + ".className").asText()).isEqualTo("SEVERE live");
            assertThat(browser.evaluate(row + ".innerText").asText())
                    .contains("严重", "强制措施超期", number, "海丰县市场监督管理局", "never extended");
            assertThat(browser.evaluate("document.querySelector('#alert-table tbody tr').getAttribute('data-alert')")
                    .asText()).as("the newest on top").isEqualTo(alertId);
            assertThat(browser.evaluate("Number(document.getElementById('alert-total').textContent)").asLong())
                    .isEqualTo(totalBefore + 1);
            assertThat(browser.evaluate("Number(document.getElementById('alert-severe').textContent)").asLong())
                    .isEqualTo(severeBefore + 1);
            Files.write(dir.resolve("supervision-alerts-live.png"), browser.screenshot());

            JsonNode listed = as("hf-supervisor").get("/api/v1/supervision/alerts").json();
            assertThat(listed.findValuesAsText("id")).contains(alertId);

            browser.reload();
            awaitStreamOpen(browser);
            assertThat(browser.evaluate("window.loadedOnce === undefined").asBoolean()).as("reloaded").isTrue();
            assertThat(browser.evaluate(row + ".className").asText()).as("now rendered by the server")
                    .isEqualTo("SEVERE");
            Files.write(dir.resolve("supervision-alerts-listed.png"), browser.screenshot());
        }
        assertThat(Files.size(dir.resolve("supervision-alerts-live.png"))).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("the console is for supervisors: an officer gets 403, no token 401, both as problem+json")
    void consoleNeedsASupervisor() {
        StaffHttp.Answer officer = as("hf-officer-1").get(CONSOLE);
        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.json().path("code").asText()).isEqualTo("ACCESS_DENIED");
        StaffHttp.Answer nobody = StaffHttp.bearer(port, "not-a-token").get(CONSOLE);
        assertThat(nobody.status()).isEqualTo(401);
        StaffHttp.Answer page = as("hf-supervisor").get(CONSOLE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("海丰县司法局 · 监督预警", "standing=false", "/supervision/alerts.js");
    }

    private static void awaitStreamOpen(ChromiumDevTools browser) {
        await("the alert stream connected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "open".equals(browser.evaluate(
                        "document.getElementById('stream-state') && document.getElementById('stream-state')"
                                + ".getAttribute('data-state')").asText()));
    }

    /** A seizure taken 60 days ago (term 30 days, never extended), recorded now; its case number. */
    private String overdueSeizure() {
        Instant imposed = Instant.now().minus(Duration.ofDays(60));
        Map<String, Object> body = new HashMap<>(measureBody("441521", "live alert " + UUID.randomUUID(),
                "hf-officer-2", "hf-head"));
        body.put("imposedAt", imposed.toString());
        body.put("approval", Map.of("headId", "hf-head", "approvedAt", imposed.minusSeconds(1200).toString(),
                "opinion", "同意"));
        StaffHttp.Answer created = as("hf-officer-1").post(ProcedureApiIT.MEASURES, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("summary").path("caseNumber").asText();
    }
}
