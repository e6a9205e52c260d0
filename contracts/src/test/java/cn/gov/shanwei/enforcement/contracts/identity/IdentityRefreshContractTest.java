package cn.gov.shanwei.enforcement.contracts.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.identity.OAuthIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OAuth refresh-token flow: against the stateful sandbox (issue, refresh, rotation, revocation) and against
 * WireMock mappings of the contract for the provider's failures (expired refresh token, 5xx, malformed body, timeout).
 */
class IdentityRefreshContractTest {

    private static final TifRequestSigner SIGNER = TifRequestSigner.of(new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
            SandboxCredentials.TIF_TOKEN));
    private static final String USER_INFO = """
            {"userId":"sw-staff-0002","name":"林晓燕","idType":"ID_CARD","idNumber":"441521199001012349",
             "realNameLevel":3}""";
    private static ProvinceSandbox sandbox;
    private static WireMockServer stub;
    private static OAuthIdentityProvider oauth;
    private static OAuthIdentityProvider stubbed;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        oauth = client(sandbox.endpoint(SandboxService.IDENTITY));
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        stubbed = client(URI.create(stub.baseUrl() + "/identity"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        stub.stop();
    }

    private static OAuthIdentityProvider client(URI endpoint) {
        return OAuthIdentityProvider.builder().endpoint(endpoint).signer(SIGNER)
                .clientId(SandboxCredentials.IDENTITY_CLIENT_ID).clientSecret(SandboxCredentials.IDENTITY_CLIENT_SECRET)
                .redirectUri(IdentityContractTest.CALLBACK).requestTimeout(Duration.ofMillis(1500)).build();
    }

    private static SignOn signOn(String state) throws Exception {
        return oauth.exchange(IdentityContractTest.signOnInBrowser(oauth, "sw-staff-0002", state, "code"));
    }

    private static void assertInvalidGrant(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("INVALID_GRANT"));
    }

    @Test
    void sandbox_refreshGivesANewAccessToken_andRotatesTheRefreshToken() throws Exception {
        SignOn first = signOn("state-refresh-0001");
        assertThat(first.refreshToken()).isNotBlank();
        assertThat(first.toString()).doesNotContain(first.refreshToken());

        SignOn second = oauth.refresh(first.refreshToken());

        assertThat(second.principal()).isEqualTo(first.principal());
        assertThat(second.sessionToken()).isNotEqualTo(first.sessionToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(oauth.validate(second.sessionToken()).active()).isTrue();
        assertThat(oauth.validate(first.sessionToken()).active()).as("the replaced access token").isFalse();
        assertInvalidGrant(() -> oauth.refresh(first.refreshToken()));
        assertThat(oauth.refresh(second.refreshToken()).sessionToken()).isNotBlank();
    }

    @Test
    void sandbox_revokedRefreshToken_isRejected() throws Exception {
        SignOn signOn = signOn("state-refresh-0002");
        oauth.logout(signOn.refreshToken());
        assertInvalidGrant(() -> oauth.refresh(signOn.refreshToken()));
        assertThat(oauth.validate(signOn.sessionToken()).active()).as("the access token lives on").isTrue();
    }

    @Test
    void sandbox_logoutEndsTheRefreshTokenToo() throws Exception {
        SignOn signOn = signOn("state-refresh-0003");
        oauth.logout(signOn.sessionToken());
        assertInvalidGrant(() -> oauth.refresh(signOn.refreshToken()));
    }

    @Test
    void sandbox_unknownRefreshToken_andBadInput() {
        assertInvalidGrant(() -> oauth.refresh("RT-never-issued-0000"));
        sandbox.simulateOutage(SandboxService.IDENTITY);
        try {
            assertThatThrownBy(() -> oauth.refresh("bad token with spaces"))
                    .isInstanceOf(AdapterValidationException.class).hasMessageContaining("refreshToken");
            assertThatThrownBy(() -> oauth.refresh(null)).isInstanceOf(AdapterValidationException.class);
        } finally {
            sandbox.restore(SandboxService.IDENTITY);
        }
    }

    @Test
    void contract_refreshRequestShape_andAnswer() {
        stub.resetAll();
        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token"))
                .withRequestBody(equalToJson("{\"grantType\":\"refresh_token\",\"refreshToken\":\"RT-stub-0001\","
                        + "\"clientId\":\"" + SandboxCredentials.IDENTITY_CLIENT_ID + "\",\"clientSecret\":\""
                        + SandboxCredentials.IDENTITY_CLIENT_SECRET + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"accessToken\":\"AT-stub-0002\",\"tokenType\":\"Bearer\",\"expiresIn\":7200,"
                                + "\"userId\":\"sw-staff-0002\",\"refreshToken\":\"RT-stub-0002\"}")));
        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/userinfo"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(USER_INFO)));

        SignOn refreshed = stubbed.refresh("RT-stub-0001");

        assertThat(refreshed.sessionToken()).isEqualTo("AT-stub-0002");
        assertThat(refreshed.refreshToken()).isEqualTo("RT-stub-0002");
        assertThat(refreshed.principal().name()).isEqualTo("林晓燕");
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo("/identity/oauth2/token"))
                .withHeader("x-tif-signature", com.github.tomakehurst.wiremock.client.WireMock.matching("[0-9A-F]{64}")));
    }

    @Test
    void contract_expiredRefreshToken_isATypedRejection() {
        stub.resetAll();
        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_GRANT\",\"message\":\"refresh token expired\",\"requestId\":\"r-1\"}")));

        assertThatThrownBy(() -> stubbed.refresh("RT-expired-0001")).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> {
                    ProviderRejectedException rejection = (ProviderRejectedException) e;
                    assertThat(rejection.providerCode()).isEqualTo("INVALID_GRANT");
                    assertThat(rejection.providerRequestId()).isEqualTo("r-1");
                    assertThat(rejection.operation()).isEqualTo(OAuthIdentityProvider.REFRESH);
                });
    }

    @Test
    void contract_failures_5xxMalformedAndTimeout() {
        stub.resetAll();
        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> stubbed.refresh("RT-stub-0003")).isInstanceOf(ProviderTransportException.class);

        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"AT-stub-0004\",\"tokenType\":\"MAC\",\"expiresIn\":7200,\"userId\":\"u1\"}")));
        assertThatThrownBy(() -> stubbed.refresh("RT-stub-0004")).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining("Bearer");

        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"accessToken\":")));
        assertThatThrownBy(() -> stubbed.refresh("RT-stub-0005")).isInstanceOf(ProviderResponseInvalidException.class);

        stub.stubFor(post(urlPathEqualTo("/identity/oauth2/token")).willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        assertThatThrownBy(() -> stubbed.refresh("RT-stub-0006")).isInstanceOf(ProviderTimeoutException.class);
    }
}
