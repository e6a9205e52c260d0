package cn.gov.shanwei.enforcement.sdk.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdentityClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String SIGN_ONS = "/api/v1/identity/sign-ons";
    private static final String SIGN_ON_ID = "q0M1fJ2x9bWcVv3tS8yZpLr4nKd6aHe7Ug5iOj0_-ab";
    private static final String USER = """
            {"signOnId":"%s","userId":"sw-staff-0001","name":"陈志强","idType":"ID_CARD",
             "idNumberMasked":"4415************30","realNameLevel":3,"organisationUscc":"114415000071784217",
             "organisationName":"汕尾市市场监督管理局","mobileMasked":"1380*****01",
             "signedOnAt":"2026-11-27T06:00:00Z"}""".formatted(SIGN_ON_ID);

    private static EnforcementHubClient client(RetryPolicy retries) {
        return EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("market-portal", "secret-0123456789")
                .retryPolicy(retries).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)).build();
    }

    private static ResponseDefinitionBuilder problem(int status, String code, String more) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"refused\"" + more + "}");
    }

    @Test
    void startSignOn_postsTheReturnUrl_andAnswersWhereToSendTheBrowser() {
        HUB.stubFor(post(SIGN_ONS).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"signOnId":"%s","authorizeUrl":"https://idp.gd.gov.cn/oauth2/authorize?state=%s",
                         "expiresAt":"2026-11-27T06:05:00Z"}""".formatted(SIGN_ON_ID, SIGN_ON_ID))));

        SignOnStart start;
        try (EnforcementHubClient hub = client(RetryPolicy.none())) {
            start = hub.identity().startSignOn("https://market.example/sign-on/return");
        }

        assertThat(start.signOnId()).isEqualTo(SIGN_ON_ID);
        assertThat(start.authorizeUrl()).isEqualTo(URI.create("https://idp.gd.gov.cn/oauth2/authorize?state="
                + SIGN_ON_ID));
        assertThat(start.expiresAt()).isEqualTo(Instant.parse("2026-11-27T06:05:00Z"));
        HUB.verify(postRequestedFor(urlEqualTo(SIGN_ONS)).withRequestBody(equalToJson(
                "{\"returnUrl\":\"https://market.example/sign-on/return\"}")));
    }

    @Test
    void completeSignOn_withTheReturnOfThisBrowser_exchangesTheCode_andMapsTheMaskedUser() {
        HUB.stubFor(post(SIGN_ONS + "/" + SIGN_ON_ID + "/exchange").willReturn(okJson(USER)));
        SignOnReturn returned = SignOnReturn.parse("signOnId=" + SIGN_ON_ID + "&code=AC-0123456789abcdef&lang=zh");

        SignedOnUser user;
        try (EnforcementHubClient hub = client(RetryPolicy.none())) {
            user = hub.identity().completeSignOn(returned, SIGN_ON_ID);
        }

        assertThat(user.userId()).isEqualTo("sw-staff-0001");
        assertThat(user.idType()).isEqualTo(IdType.ID_CARD);
        assertThat(user.idNumberMasked()).isEqualTo("4415************30");
        assertThat(user.realNameLevel()).isEqualTo(3);
        assertThat(user.organisationName()).hasValue("汕尾市市场监督管理局");
        assertThat(user.mobileMasked()).hasValue("1380*****01");
        HUB.verify(postRequestedFor(urlEqualTo(SIGN_ONS + "/" + SIGN_ON_ID + "/exchange"))
                .withRequestBody(equalToJson("{\"code\":\"AC-0123456789abcdef\"}")));
    }

    @Test
    void completeSignOn_ofAnotherBrowsersSignOn_orWithoutCode_isRefusedBeforeAnythingIsSent() {
        try (EnforcementHubClient hub = client(RetryPolicy.none())) {
            assertThatThrownBy(() -> hub.identity().completeSignOn(SignOnReturn.parse("signOnId=someone-elses-sign-on"
                    + "&code=AC-0123456789abcdef"), SIGN_ON_ID))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("signOnId");
                    });
            assertThatThrownBy(() -> hub.identity().completeSignOn(SignOnReturn.parse("signOnId=" + SIGN_ON_ID
                    + "&error=sign_on_failed"), SIGN_ON_ID))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .singleElement().satisfies(f -> assertThat(f.message()).contains("sign_on_failed")));
            assertThatThrownBy(() -> hub.identity().completeSignOn(SIGN_ON_ID, "short"))
                    .isInstanceOf(ValidationException.class);
        }

        assertThat(HUB.getAllServeEvents()).isEmpty();
    }

    @Test
    void completeSignOn_whenTheHubRefusesTheSignOn_isAValidationErrorNamingTheField() {
        HUB.stubFor(post(SIGN_ONS + "/" + SIGN_ON_ID + "/exchange").willReturn(problem(400, "SIGN_ON_REFUSED",
                ",\"errors\":[{\"field\":\"code\",\"message\":\"was refused by the identity service\"}]")));

        try (EnforcementHubClient hub = client(RetryPolicy.defaults())) {
            assertThatThrownBy(() -> hub.identity().completeSignOn(SIGN_ON_ID, "AC-0123456789abcdef"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorCode()).isEqualTo("SIGN_ON_REFUSED");
                        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("code");
                    });
        }
        assertThat(HUB.getAllServeEvents()).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void completeSignOn_whileTheProvinceIsDown_isRetried_thenNamesTheProviderAndTheWait() {
        HUB.stubFor(post(SIGN_ONS + "/" + SIGN_ON_ID + "/exchange").willReturn(problem(503, "PROVIDER_UNAVAILABLE",
                ",\"provider\":\"identity\",\"retryAfterSeconds\":1").withHeader("Retry-After", "1")));

        try (EnforcementHubClient hub = client(RetryPolicy.builder().maxAttempts(2).build())) {
            assertThatThrownBy(() -> hub.identity().completeSignOn(SIGN_ON_ID, "AC-0123456789abcdef"))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                        assertThat(e.provider()).isEqualTo("identity");
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    });
        }
        assertThat(HUB.getAllServeEvents()).hasSize(2);
    }

    @Test
    void staffOfficer_readsTheRecord_orEmptyForAUserWhoIsNoOfficer() {
        HUB.stubFor(get("/api/v1/identity/staff/sw-staff-0001").willReturn(okJson("""
                {"staffUserId":"sw-staff-0001","found":true,"officer":{"staffUserId":"sw-staff-0001",
                 "officerId":"44150001","name":"陈志强","certificateNumber":"44150020190001","subjectId":"SW-SCJG",
                 "subjectName":"汕尾市市场监督管理局","validFrom":"2023-01-01","validTo":"2027-12-31",
                 "certificateStatus":"VALID","mayActToday":true}}""")));
        HUB.stubFor(get("/api/v1/identity/staff/sw-staff-0009").willReturn(okJson("""
                {"staffUserId":"sw-staff-0009","found":false}""")));
        HUB.stubFor(get("/api/v1/identity/staff/sw-staff-0010").willReturn(okJson("""
                {"staffUserId":"sw-staff-0010","found":true}""")));

        try (EnforcementHubClient hub = client(RetryPolicy.none())) {
            Optional<StaffOfficer> chen = hub.identity().staffOfficer("sw-staff-0001");
            assertThat(chen).hasValueSatisfying(o -> {
                assertThat(o.certificateNumber()).isEqualTo("44150020190001");
                assertThat(o.certificateStatus()).isEqualTo(CertificateStatus.VALID);
                assertThat(o.validTo()).isEqualTo(LocalDate.of(2027, 12, 31));
                assertThat(o.mayActToday()).isTrue();
            });
            assertThat(hub.identity().staffOfficer("sw-staff-0009")).isEmpty();
            assertThatThrownBy(() -> hub.identity().staffOfficer("sw-staff-0010"))
                    .isInstanceOf(UnexpectedResponseException.class);
            assertThatThrownBy(() -> hub.identity().staffOfficer("../admin"))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void signOnReturn_decodesTheQuery_andNeverShowsTheCode() {
        SignOnReturn returned = SignOnReturn.parse("signOnId=ab%2Dcd&code=ST-12%7E34");

        assertThat(returned.signOnId()).isEqualTo("ab-cd");
        assertThat(returned.code()).hasValue("ST-12~34");
        assertThat(returned.toString()).doesNotContain("ST-12");
        assertThatThrownBy(() -> SignOnReturn.parse("code=AC-0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
