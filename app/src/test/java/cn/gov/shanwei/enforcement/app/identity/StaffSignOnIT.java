package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.app.support.ChinaDay;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-on end to end against the in-process province sandbox (default profile): {@code /auth/login} → the
 * sandbox's login page (which signs {@code login_hint} on at once) → {@code /auth/callback} → the staff API with the
 * bearer token. The sandbox's officers are registered in the hub through the administration API by the bootstrapped
 * administrator (a signed client acting for {@code sandbox-admin}), never through a login bypass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ChinaDay.class)
class StaffSignOnIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String MATTER = "C4415-SCJ-0901";
    private static boolean seeded;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("sign-on").toString());
    }

    @BeforeEach
    void registerTheSandboxOfficers() {
        if (seeded) {
            return;
        }
        subject("SW-SCJG", "汕尾市市场监督管理局", "441500");
        subject("LF-SCJG", "陆丰市市场监督管理局", "441581");
        subject("SW-STHJ", "汕尾市生态环境局", "441500");
        officer("44150001", "sw-staff-0001", "SW-SCJG");
        officer("44150008", "sw-staff-0008", "LF-SCJG");
        // The hub still believes 0007's certificate valid; the directory says SUSPENDED.
        officer("44150007", "sw-staff-0007", "SW-STHJ");
        admin("/api/v1/admin/matters", Map.ofEntries(Map.entry("code", MATTER), Map.entry("version", 1),
                Map.entry("effectiveFrom", "2024-01-01"), Map.entry("status", "ACTIVE"),
                Map.entry("name", "未按规定公示食品经营许可信息"), Map.entry("kind", "PENALTY"),
                Map.entry("domain", "market-supervision"), Map.entry("basisLaw", "《中华人民共和国食品安全法》"),
                Map.entry("basisArticle", "第一百二十六条"),
                Map.entry("band", List.of(Map.of("circumstance", "minor", "minFen", 0, "maxFen", 500_000))),
                Map.entry("supervisionItemCode", "SUP-0901"), Map.entry("reason", "sign-on test matter")));
        seeded = true;
    }

    @Test
    @DisplayName("An officer signs on through the identity service and sees only the cases of its own subject")
    void officerSignsOn_andListsOnlyOwnSubjectCases() throws IOException {
        JsonNode chen = signOn("sw-staff-0001");
        assertThat(chen.path("officerId").asText()).isEqualTo("44150001");
        assertThat(chen.path("subjectId").asText()).isEqualTo("SW-SCJG");
        assertThat(chen.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(chen.path("roles").toString()).contains("OFFICER");
        assertThat(Instant.parse(chen.path("expiresAt").asText())).isAfter(Instant.now());
        String chenToken = chen.path("accessToken").asText();
        String zhengToken = signOn("sw-staff-0008").path("accessToken").asText();

        String own = createLead(chenToken, "441502");
        String foreign = createLead(zhengToken, "441581");

        HttpResponse<String> list = bearerGet(chenToken, "/api/v1/cases/penalties?size=100");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(list.body()).path("items");
        assertThat(items.findValuesAsText("id")).contains(own).doesNotContain(foreign);
        assertThat(items.findValuesAsText("subjectId")).isNotEmpty().containsOnly("SW-SCJG");
    }

    @Test
    @DisplayName("Staff who are not officers, officers with a suspended certificate and officers unknown to the hub are refused")
    void nonOfficers_suspendedCertificates_andUnregisteredOfficers_areRefused() throws IOException {
        assertRefused(callback("sw-staff-0009"), 403, "NOT_AN_OFFICER");
        assertRefused(callback("sw-staff-0007"), 403, "CERTIFICATE_NOT_VALID");
        assertRefused(callback("sw-staff-0002"), 403, "NOT_REGISTERED");
    }

    @Test
    @DisplayName("A callback is honoured once, only in the browser that started the sign-on")
    void state_isSingleUse_andBoundToTheBrowser() throws IOException {
        Started started = start();
        String code = providerCode(started, "sw-staff-0001");
        String path = "/auth/callback?code=" + code + "&state=" + started.state();
        assertRefused(get(path, null), 401, "STATE_INVALID");             // another browser: no cookie
        assertRefused(get(path, started.cookie()), 401, "STATE_INVALID"); // spent by the attempt above

        Started other = start();
        assertRefused(get("/auth/callback?code=" + providerCode(other, "sw-staff-0001") + "&state=forged-state-0123",
                "HUB_SIGN_ON_STATE=forged-state-0123"), 401, "STATE_INVALID");
    }

    @Test
    @DisplayName("A tampered or unknown token is refused with 401")
    void tamperedOrUnknownToken_is401() throws IOException {
        String token = signOn("sw-staff-0001").path("accessToken").asText();
        assertThat(bearerGet(token + "x", "/api/v1/cases/penalties").statusCode()).isEqualTo(401);
        assertThat(bearerGet("AT-" + UUID.randomUUID(), "/api/v1/cases/penalties").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("After logout the token no longer opens the staff API")
    void logout_invalidatesTheToken() throws IOException {
        String token = signOn("sw-staff-0001").path("accessToken").asText();
        assertThat(bearerGet(token, "/api/v1/cases/penalties").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = send(HttpRequest.newBuilder(url("/auth/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);

        assertThat(bearerGet(token, "/api/v1/cases/penalties").statusCode()).isEqualTo(401);
        assertRefused(send(HttpRequest.newBuilder(url("/auth/logout")).POST(HttpRequest.BodyPublishers.noBody())),
                401, "CODE_REFUSED");
    }

    // ------------------------------------------------------------------ the browser's part

    private record Started(URI providerLogin, String state, String cookie) {
    }

    private Started start() {
        HttpResponse<String> login = get("/auth/login", null);
        assertThat(login.statusCode()).isEqualTo(302);
        URI providerLogin = URI.create(login.headers().firstValue("Location").orElseThrow());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignOnController.STATE_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        String state = query(providerLogin).get("state");
        assertThat(cookie).startsWith(SignOnController.STATE_COOKIE + "=" + state + ";");
        return new Started(providerLogin, state, cookie.substring(0, cookie.indexOf(';')));
    }

    /** The sandbox's login page signs {@code user} on and sends the browser back with a code. */
    private String providerCode(Started started, String user) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(started.providerLogin()
                + "&login_hint=" + user)).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        Map<String, String> back = query(URI.create(page.headers().firstValue("Location").orElseThrow()));
        assertThat(back.get("state")).isEqualTo(started.state());
        return back.get("code");
    }

    private HttpResponse<String> callback(String user) {
        Started started = start();
        return get("/auth/callback?code=" + providerCode(started, user) + "&state=" + started.state(),
                started.cookie());
    }

    private JsonNode signOn(String user) throws IOException {
        HttpResponse<String> answer = callback(user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return JSON.readTree(answer.body());
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String reason) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("reason").asText()).isEqualTo(reason);
    }

    // ------------------------------------------------------------------ HTTP

    private String createLead(String token, String place) throws IOException {
        Map<String, Object> lead = Map.of("matterCode", MATTER, "party", Map.of("kind", "ORGANISATION",
                "name", "汕尾市城区海滨餐饮有限公司", "idNumber", "91441502MA4UJ0XX3T"), "placeCode", place,
                "discoveredOn", today().minusDays(1).toString(), "facts", "no licence information displayed");
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("/api/v1/cases/penalties"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(lead))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("summary").path("id").asText();
    }

    private HttpResponse<String> bearerGet(String token, String path) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private void subject(String id, String name, String region) {
        admin("/api/v1/admin/subjects", Map.of("id", id, "name", name, "regionCode", region,
                "domains", List.of("market-supervision"), "supervisory", false));
    }

    private void officer(String id, String staffUser, String subject) {
        admin("/api/v1/admin/officers", Map.of("id", id, "name", "officer " + id, "subjectId", subject,
                "roles", List.of("OFFICER"), "staffUserId", staffUser,
                "certificate", Map.of("number", "4415-" + id, "domains", List.of("market-supervision"),
                        "validFrom", "2024-01-01", "validTo", "2030-12-31", "status", "VALID")));
    }

    /** The bootstrapped administrator, through the sandbox demo client registered for {@code cases.staff}. */
    private void admin(String path, Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            HttpResponse<String> answer = send(SignedHttp.signActingFor(HttpRequest.newBuilder(url(path))
                    .header("Content-Type", "application/json"), "POST", path, bytes, "sandbox-demo",
                    "sandbox-demo-secret-0123456789abcdef", "sandbox-admin")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
