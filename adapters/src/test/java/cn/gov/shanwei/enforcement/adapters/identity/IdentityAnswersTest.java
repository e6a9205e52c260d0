package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity adapters' checks of the provider's answers, against hand-written (also contract-breaking) answers. */
class IdentityAnswersTest {

    private static final String GOOD_USER = """
            {"userId":"u1","name":"陈志强","idType":"ID_CARD","idNumber":"441502198503151230","realNameLevel":3,
             "orgUscc":"114415000071784217","orgName":"汕尾市市场监督管理局","mobile":"13800000001"}""";
    private static WireMockServer wireMock;
    private OAuthIdentityProvider oauth;
    private CasIdentityProvider cas;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false)));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        URI endpoint = URI.create(wireMock.baseUrl() + "/identity");
        TifRequestSigner signer = TifRequestSigner.of(new TifCredentials("hub", "token-0123456789"));
        oauth = OAuthIdentityProvider.builder().endpoint(endpoint).signer(signer).clientId("hub")
                .clientSecret("secret-0123").redirectUri(URI.create("https://hub.test/cb")).build();
        cas = CasIdentityProvider.builder().endpoint(endpoint).signer(signer)
                .service(URI.create("https://hub.test/cas")).build();
    }

    private static void token(String body) {
        wireMock.stubFor(post(urlEqualTo("/identity/oauth2/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void userInfo(String body) {
        wireMock.stubFor(post(urlEqualTo("/identity/oauth2/userinfo")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void exchange_sendsSignedTokenRequestAndReadsThePrincipal() {
        token("{\"accessToken\":\"AT-1234567890\",\"tokenType\":\"Bearer\",\"expiresIn\":7200,\"userId\":\"u1\"}");
        userInfo(GOOD_USER);

        SignOn signOn = oauth.exchange("AC-0123456789");

        assertThat(signOn.principal().name()).isEqualTo("陈志强");
        assertThat(signOn.principal().mobile()).isEqualTo("13800000001");
        assertThat(signOn.principal().toString()).doesNotContain("13800000001").doesNotContain("198503151230");
        wireMock.verify(postRequestedFor(urlEqualTo("/identity/oauth2/token"))
                .withHeader("x-tif-paasid", matching("hub"))
                .withHeader("x-tif-signature", matching("[0-9A-F]{64}"))
                .withRequestBody(equalToJson("{\"grantType\":\"authorization_code\",\"code\":\"AC-0123456789\","
                        + "\"clientId\":\"hub\",\"clientSecret\":\"secret-0123\",\"redirectUri\":\"https://hub.test/cb\"}")));
        wireMock.verify(postRequestedFor(urlEqualTo("/identity/oauth2/userinfo"))
                .withRequestBody(equalToJson("{\"accessToken\":\"AT-1234567890\"}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"idNumber\":\"441502198503151230\" | \"idNumber\":\"441502198503151231\" | GB 11643",
            "\"orgUscc\":\"114415000071784217\"  | \"orgUscc\":\"114415000071784218\"  | GB 32100",
            "\"realNameLevel\":3                 | \"realNameLevel\":7                 | realNameLevel",
            "\"idType\":\"ID_CARD\"              | \"idType\":\"DRIVING_LICENCE\"      | idType",
            "\"mobile\":\"13800000001\"          | \"mobile\":\"call me\"              | mobile",
            "\"name\":\"陈志强\",                | ''                                  | name",
            "\"userId\":\"u1\"                   | \"userId\":\"u2\"                   | another user"})
    void exchange_contractBreakingUserInfo_isInvalid(String good, String bad, String complaint) {
        token("{\"accessToken\":\"AT-1234567890\",\"tokenType\":\"Bearer\",\"expiresIn\":7200,\"userId\":\"u1\"}");
        userInfo(GOOD_USER.replace(good, bad));
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining(complaint);
    }

    @Test
    void exchange_malformedOrIncompleteTokenAnswer_isInvalid() {
        token("{\"accessToken\":\"AT-1234567890\",\"tokenType\":\"Bearer\"");
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).isInstanceOf(ProviderResponseInvalidException.class);
        token("{\"accessToken\":\"AT-1234567890\",\"tokenType\":\"MAC\",\"expiresIn\":7200,\"userId\":\"u1\"}");
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).hasMessageContaining("Bearer");
        token("{\"tokenType\":\"Bearer\",\"expiresIn\":7200,\"userId\":\"u1\"}");
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).hasMessageContaining("accessToken");
    }

    @Test
    void exchange_providerError_isRejectionWithCodeAndRequestId_or5xxTransport() {
        wireMock.stubFor(post(urlEqualTo("/identity/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_GRANT\",\"message\":\"used\",\"requestId\":\"r-42\"}")));
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> {
                    assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("INVALID_GRANT");
                    assertThat(((ProviderRejectedException) e).providerRequestId()).isEqualTo("r-42");
                });
        wireMock.stubFor(post(urlEqualTo("/identity/oauth2/token")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> oauth.exchange("AC-0123456789")).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void validate_activeWithoutExpiry_isInvalid() {
        wireMock.stubFor(post(urlEqualTo("/identity/oauth2/introspect")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"active\":true,\"userId\":\"u1\"}")));
        assertThatThrownBy(() -> oauth.validate("AT-1234567890")).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining("expiresAt");
    }

    @Test
    void casExchange_readsSuccessAndMapsFailureToRejection() {
        wireMock.stubFor(get(urlPathEqualTo("/identity/cas/serviceValidate")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"serviceResponse\":{\"authenticationSuccess\":"
                        + "{\"user\":\"u1\",\"attributes\":" + GOOD_USER.replace("}", ",\"sessionIndex\":\"SI-123456789\","
                        + "\"sessionExpiresAt\":\"2026-11-27T10:00:00Z\"}") + "}}}")));
        SignOn signOn = cas.exchange("ST-12345678");
        assertThat(signOn.sessionToken()).isEqualTo("SI-123456789");
        assertThat(signOn.principal().subjectId()).isEqualTo("u1");

        wireMock.stubFor(get(urlPathEqualTo("/identity/cas/serviceValidate")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"serviceResponse\":{\"authenticationFailure\":"
                        + "{\"code\":\"INVALID_SERVICE\",\"description\":\"wrong service\"}}}")));
        assertThatThrownBy(() -> cas.exchange("ST-12345678")).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("INVALID_SERVICE"));
    }

    private static final String OFFICER = """
            {"staffUserId":"u1","officerId":"44150001","name":"陈志强","certificateNumber":"44150020190001",
             "subjectId":"SW-SCJG","subjectName":"汕尾市市场监督管理局","validFrom":"2023-01-01",
             "validTo":"2027-12-31","status":"VALID"}""";

    private StaffDirectory directory() {
        return StaffDirectory.builder().endpoint(URI.create(wireMock.baseUrl() + "/identity"))
                .signer(TifRequestSigner.of(new TifCredentials("hub", "token-0123456789"))).build();
    }

    private static void staffPage(String body) {
        wireMock.stubFor(get(urlPathEqualTo("/identity/staff")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void listOfficers_readsOnePageAndTheTotal() {
        staffPage("{\"page\":1,\"size\":2,\"total\":3,\"officers\":[" + OFFICER + "]}");

        StaffPage page = directory().listOfficers(1, 2);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.officers()).singleElement().satisfies(o -> {
            assertThat(o.staffUserId()).isEqualTo("u1");
            assertThat(o.certificateNumber()).isEqualTo("44150020190001");
        });
        assertThat(page.hasNext()).isFalse();
        wireMock.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/identity/staff?page=1&size=2")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"page\":1 | \"page\":2 | page",
            "\"total\":3 | \"total\":-1 | total",
            "\"status\":\"VALID\" | \"status\":\"LOST\" | status",
            "\"validTo\":\"2027-12-31\" | \"validTo\":\"2020-12-31\" | validTo",
            "\"staffUserId\":\"u1\" | \"staffUserId\":\"../x\" | staffUserId"})
    void listOfficers_contractBreakingPage_isInvalid(String good, String bad, String complaint) {
        staffPage(("{\"page\":1,\"size\":2,\"total\":3,\"officers\":[" + OFFICER + "]}").replace(good, bad));

        assertThatThrownBy(() -> directory().listOfficers(1, 2)).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining(complaint);
    }

    @Test
    void listOfficers_moreRecordsThanAsked_isInvalid() {
        staffPage("{\"page\":0,\"size\":1,\"total\":2,\"officers\":[" + OFFICER + "," + OFFICER + "]}");

        assertThatThrownBy(() -> directory().listOfficers(0, 1)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void authorizeUrl_carriesClientRedirectAndState() {
        assertThat(oauth.authorizeUrl("state-0001").toString()).startsWith(wireMock.baseUrl() + "/identity/oauth2/authorize?")
                .contains("response_type=code", "client_id=hub", "redirect_uri=https%3A%2F%2Fhub.test%2Fcb", "state=state-0001");
        assertThat(cas.authorizeUrl("state-0001").toString())
                .contains("/identity/cas/login?service=https%3A%2F%2Fhub.test%2Fcas%3Fstate%3Dstate-0001");
    }

    @Test
    void builders_nameTheMissingSetting() {
        assertThatThrownBy(() -> OAuthIdentityProvider.builder().build()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> OAuthIdentityProvider.builder().endpoint(URI.create("http://x/identity"))
                .signer(TifRequestSigner.of(new TifCredentials("hub", "token-0123456789"))).build())
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> CasIdentityProvider.builder().endpoint(URI.create("http://x/identity"))
                .signer(TifRequestSigner.of(new TifCredentials("hub", "token-0123456789"))).build())
                .hasMessageContaining("service");
        assertThatThrownBy(() -> StaffDirectory.builder().endpoint(URI.create("http://x/identity")).build())
                .hasMessageContaining("signer");
    }
}
