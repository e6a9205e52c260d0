package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.app.support.WebhookReceiver;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The hub in sandbox mode with the clients these tests need, shared (one Spring context) by every test class of the
 * client registry, the SDK contract test, the documentation examples and the benchmark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.clients.market-supervision.name=市场监管综合执法系统",
        "hub.clients.market-supervision.secrets[0]=" + SandboxHubTest.OLD_SECRET,
        "hub.clients.market-supervision.secrets[1]=" + SandboxHubTest.NEW_SECRET,
        "hub.clients.market-supervision.services[0]=licence.verify",
        "hub.clients.market-supervision.purposes[0]=licence.verify=" + SandboxHubTest.MATTER_CODE,
        "hub.clients.market-supervision.rate-limit.requests-per-second=1000",
        "hub.clients.throttled-system.secrets[0]=" + SandboxHubTest.THROTTLED_SECRET,
        "hub.clients.throttled-system.services[0]=licence.verify",
        "hub.clients.throttled-system.rate-limit.requests-per-second=1",
        "hub.clients.throttled-system.rate-limit.burst=2",
        "hub.clients.bench-system.secrets[0]=" + SandboxHubTest.BENCH_SECRET,
        "hub.clients.bench-system.services[0]=licence.verify",
        "hub.clients.bench-system.purposes[0]=licence.verify=*",
        "hub.clients.bench-system.services[1]=registry.person-check",
        "hub.clients.bench-system.purposes[1]=registry.person-check=*",
        "hub.clients.bench-system.rate-limit.requests-per-second=100000",
        "hub.clients.portal-system.secrets[0]=" + SandboxHubTest.PORTAL_SECRET,
        "hub.clients.portal-system.services[0]=identity.sign-on",
        "hub.clients.portal-system.sign-on-return-urls[0]=https://portal.example.gov.cn/sign-on/return"
})
@Import(SandboxHubTest.PausableTicker.class)
abstract class SandboxHubTest {

    static final String OLD_SECRET = "market-supervision-old-secret-0123456789";
    static final String NEW_SECRET = "market-supervision-new-secret-9876543210";
    static final String THROTTLED_SECRET = "throttled-system-secret-0123456789abcdef";
    static final String BENCH_SECRET = "bench-system-secret-0123456789abcdef-xyz";
    /** A second system whose users sign on through the hub (identity.sign-on only). */
    static final String PORTAL_SECRET = "portal-system-secret-0123456789abcdef-xy";
    static final String MATTER_CODE = "330217001000";
    static final String VALID_LICENCE =
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";

    @LocalServerPort
    int port;

    @Autowired
    PausableTicker rateLimitTime;

    /** Real time for the rate limiter, which a test may pause so that no token refills meanwhile. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PausableTicker implements RateLimitTicker {

        private long pausedAt = -1;
        private long offset;

        @Override
        public synchronized long getAsLong() {
            return pausedAt >= 0 ? pausedAt : System.nanoTime() - offset;
        }

        synchronized void pause() {
            pausedAt = getAsLong();
        }

        synchronized void resume() {
            if (pausedAt >= 0) {
                offset = System.nanoTime() - pausedAt;
                pausedAt = -1;
            }
        }
    }

    /** Where the demo client's webhook receiver listens (docs/sdk.md's receiver, started by {@code SdkExamplesIT}). */
    static final int DEMO_WEBHOOK_PORT = WebhookReceiver.onFreePort().port();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("sdk-hub").toString());
        registry.add("hub.clients.sandbox-demo.webhook.url",
                () -> "http://127.0.0.1:" + DEMO_WEBHOOK_PORT + "/hub/events");
        registry.add("hub.clients.sandbox-demo.webhook.events[0]", () -> "payment.notice-issued");
        registry.add("hub.clients.sandbox-demo.webhook.events[1]", () -> "payment.paid");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A GET signed as bench-system the way any caller must sign: the least a call without the SDK does. */
    static HttpRequest signedGet(String endpoint, String path) {
        return SignedHttp.sign(HttpRequest.newBuilder(URI.create(endpoint + path)).GET(), "GET", path, new byte[0],
                "bench-system", BENCH_SECRET).build();
    }

    EnforcementHubClient client(String clientId, String secret, RetryPolicy retryPolicy) {
        return EnforcementHubClient.builder().endpoint(endpoint()).credentials(clientId, secret)
                .applicationName("registry-it").retryPolicy(retryPolicy)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(8)).build();
    }
}
