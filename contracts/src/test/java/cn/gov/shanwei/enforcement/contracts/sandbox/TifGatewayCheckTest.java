package cn.gov.shanwei.enforcement.contracts.sandbox;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifHeaders;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's TIF gateway check, driven by the adapters' real signer (written independently of it). */
class TifGatewayCheckTest {

    private static final TifCredentials SANDBOX = new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID,
            TifGatewayCheck.SANDBOX_TOKEN);
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final Clock GATEWAY_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ProvinceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TifGatewayCheck gateway(Duration window, int maxNonces) {
        return TifGatewayCheck.builder().clock(GATEWAY_CLOCK).window(window).maxNonces(maxNonces).build();
    }

    private static TifHeaders signedAt(Instant at, TifCredentials credentials) {
        return TifRequestSigner.builder().credentials(credentials).clock(Clock.fixed(at, ZoneOffset.UTC)).build().sign();
    }

    private static TifGatewayCheck.Refusal check(TifGatewayCheck gateway, TifHeaders h) {
        return gateway.check(h.paasId(), Long.toString(h.timestamp()), h.nonce(), h.signature());
    }

    @Test
    void check_goodSignature_passes() {
        assertThat(check(gateway(TifGatewayCheck.DEFAULT_WINDOW, 10), signedAt(NOW, SANDBOX))).isNull();
    }

    @Test
    void check_timestampBeyondWindow_isRefusedWith400001BothWays() {
        TifGatewayCheck gateway = gateway(TifGatewayCheck.DEFAULT_WINDOW, 10);
        assertThat(check(gateway, signedAt(NOW.minusSeconds(180), SANDBOX))).isNull();
        assertThat(check(gateway, signedAt(NOW.plusSeconds(180), SANDBOX))).isNull();
        assertThat(check(gateway, signedAt(NOW.minusSeconds(181), SANDBOX)).code()).isEqualTo("400001");
        assertThat(check(gateway, signedAt(NOW.plusSeconds(181), SANDBOX)).code()).isEqualTo("400001");
    }

    @Test
    void check_windowIsConfigurable() {
        TifGatewayCheck narrow = gateway(Duration.ofSeconds(10), 10);
        assertThat(check(narrow, signedAt(NOW.minusSeconds(10), SANDBOX))).isNull();
        assertThat(check(narrow, signedAt(NOW.minusSeconds(11), SANDBOX)).code())
                .isEqualTo(TifGatewayCheck.STALE_TIMESTAMP);
    }

    @Test
    void check_replayedNonce_isRefusedButAFreshOnePasses() {
        TifGatewayCheck gateway = gateway(TifGatewayCheck.DEFAULT_WINDOW, 10);
        TifHeaders once = signedAt(NOW, SANDBOX);
        assertThat(check(gateway, once)).isNull();
        assertThat(check(gateway, once).code()).isEqualTo(TifGatewayCheck.REPLAYED_NONCE);
        assertThat(check(gateway, signedAt(NOW, SANDBOX))).isNull();
    }

    @Test
    void check_wrongTokenOrTamperedParts_isRefusedAsBadSignature() {
        TifGatewayCheck gateway = gateway(TifGatewayCheck.DEFAULT_WINDOW, 10);
        TifHeaders wrongToken = signedAt(NOW, new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID, "not-the-token-42"));
        assertThat(check(gateway, wrongToken).code()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE);
        TifHeaders good = signedAt(NOW, SANDBOX);
        assertThat(gateway.check(good.paasId(), Long.toString(good.timestamp() - 1), good.nonce(), good.signature())
                .code()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE);
        assertThat(gateway.check(good.paasId(), Long.toString(good.timestamp()), good.nonce() + "x", good.signature())
                .code()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE);
        // A refused request does not burn its nonce: the genuine one still passes.
        assertThat(check(gateway, good)).isNull();
    }

    @Test
    void check_unknownPaasIdOrMissingHeaders_isRefused() {
        TifGatewayCheck gateway = gateway(TifGatewayCheck.DEFAULT_WINDOW, 10);
        assertThat(check(gateway, signedAt(NOW, new TifCredentials("someone-else", TifGatewayCheck.SANDBOX_TOKEN)))
                .code()).isEqualTo(TifGatewayCheck.UNKNOWN_PAAS_ID);
        TifHeaders good = signedAt(NOW, SANDBOX);
        assertThat(gateway.check(null, "1", good.nonce(), good.signature()).code()).isEqualTo("400000");
        assertThat(gateway.check(good.paasId(), "-5", good.nonce(), good.signature()).code()).isEqualTo("400000");
        assertThat(gateway.check(good.paasId(), "1", good.nonce(), good.signature().toLowerCase()).code())
                .isEqualTo("400000");
    }

    @Test
    void check_replayCacheIsBoundedAndForgetsAfterTwiceTheWindow() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        TifGatewayCheck gateway = TifGatewayCheck.builder().clock(moving).window(Duration.ofSeconds(10))
                .maxNonces(2).build();
        assertThat(check(gateway, signedAt(NOW, SANDBOX))).isNull();
        assertThat(check(gateway, signedAt(NOW, SANDBOX))).isNull();
        TifGatewayCheck.Refusal full = check(gateway, signedAt(NOW, SANDBOX));
        assertThat(full.code()).isEqualTo(TifGatewayCheck.REPLAY_CACHE_FULL);
        assertThat(full.status()).isEqualTo(503);

        now[0] = NOW.plusSeconds(21);
        assertThat(check(gateway, signedAt(now[0], SANDBOX))).isNull();
        assertThat(gateway.rememberedNonces()).isEqualTo(1);
    }

    @Test
    void sandbox_guardsRestServicesButNotHealthNorTheUnsignedLicenceService() throws Exception {
        URI userInfo = URI.create(sandbox.baseUrl() + "/identity/oauth2/userinfo");
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(userInfo).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("\"code\":\"400000\"");

        TifHeaders stale = signedAt(Instant.now().minusSeconds(600), SANDBOX);
        HttpResponse<String> old = HTTP.send(stale.applyTo(HttpRequest.newBuilder(userInfo)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(old.body()).contains("\"code\":\"400001\"");

        TifHeaders fresh = TifRequestSigner.of(SANDBOX).sign();
        HttpResponse<String> signed = HTTP.send(fresh.applyTo(HttpRequest.newBuilder(userInfo)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.body()).doesNotContain("\"code\":\"4000");
        HttpResponse<String> replayed = HTTP.send(fresh.applyTo(HttpRequest.newBuilder(userInfo)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.body()).contains("\"code\":\"400003\"");

        assertThat(HTTP.send(HttpRequest.newBuilder(sandbox.healthUrl(SandboxService.IDENTITY)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(sandbox.gateway().isRequired(SandboxService.LICENCE)).isFalse();
        assertThat(sandbox.gateway().guardedServices()).containsAll(ProvinceSandbox.GATEWAY_SIGNED_BY_DEFAULT);
    }

    @Test
    void sandbox_releaseLetsUnsignedRequestsThroughUntilRequiredAgain() throws Exception {
        URI userInfo = URI.create(sandbox.baseUrl() + "/identity/oauth2/userinfo");
        try {
            sandbox.gateway().release(SandboxService.IDENTITY);
            assertThat(HTTP.send(HttpRequest.newBuilder(userInfo).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body()).doesNotContain("code\":\"4000");
        } finally {
            sandbox.gateway().require(SandboxService.IDENTITY);
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(userInfo).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }
}
