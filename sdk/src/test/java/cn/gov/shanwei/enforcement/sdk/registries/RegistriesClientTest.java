package cn.gov.shanwei.enforcement.sdk.registries;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistriesClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private EnforcementHubClient hub;

    @BeforeEach
    void connect() {
        hub = EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("market-supervision", "secret-0123")
                .retryPolicy(RetryPolicy.none()).timeouts(Duration.ofSeconds(10), Duration.ofSeconds(15)).build();
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void personCheck_sendsTheIdInTheBodyOnly_andReadsTheResult() {
        HUB.stubFor(post("/api/v1/registries/person-checks").willReturn(okJson("""
                {"result":"MISMATCH","match":false,"checkedAt":"2026-11-27T08:00:00Z"}""")));
        PersonCheckRequest request = PersonCheckRequest.of("441502199001011232", "陈小海",
                Purpose.of("330217001000").withOfficer("44150001"));

        PersonCheckResult result = hub.registries().checkPerson(request);

        assertThat(result.result()).isEqualTo(PersonMatch.MISMATCH);
        assertThat(result.isMatch()).isFalse();
        assertThat(request.toString()).doesNotContain("441502199001011232");
        HUB.verify(postRequestedFor(urlEqualTo("/api/v1/registries/person-checks")).withRequestBody(equalToJson("""
                {"idNumber":"441502199001011232","name":"陈小海",
                 "purpose":{"matterCode":"330217001000","officerId":"44150001"}}""")));
    }

    @Test
    void personCheck_contradictionOrUnknownResult_isUnexpected() {
        HUB.stubFor(post("/api/v1/registries/person-checks").willReturn(okJson("""
                {"result":"MISMATCH","match":true,"checkedAt":"2026-11-27T08:00:00Z"}""")));
        PersonCheckRequest request = PersonCheckRequest.of("441502199001011232", "陈小海", Purpose.of("1"));
        assertThatThrownBy(() -> hub.registries().checkPerson(request)).isInstanceOf(UnexpectedResponseException.class);

        HUB.stubFor(post("/api/v1/registries/person-checks").willReturn(okJson("""
                {"result":"PROBABLY","checkedAt":"2026-11-27T08:00:00Z"}""")));
        assertThatThrownBy(() -> hub.registries().checkPerson(request)).isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void organisationAndLaw_areRead_withTheirAge() {
        HUB.stubFor(get(urlPathEqualTo("/api/v1/registries/organisations/91441502MA4UJ0XX3T")).willReturn(okJson("""
                {"found":true,"uscc":"91441502MA4UJ0XX3T","name":"汕尾市城区海滨餐饮有限公司","status":"ACTIVE",
                 "legalRepresentative":"陈小海","answeredAt":"2026-11-27T08:00:00Z","stale":true}""")));
        HUB.stubFor(get("/api/v1/registries/laws/XZCFF/articles/72").willReturn(okJson("""
                {"found":true,"lawCode":"XZCFF","article":72,"lawName":"中华人民共和国行政处罚法","text":"……",
                 "effectiveFrom":"2021-07-15","answeredAt":"2026-11-27T08:00:00Z","stale":false}""")));

        RegistryAnswer<Organisation> org = hub.registries().organisation("91441502MA4UJ0XX3T",
                Purpose.of("330217001000"));
        RegistryAnswer<LawArticle> law = hub.registries().lawArticle("XZCFF", 72);

        assertThat(org.stale()).isTrue();
        assertThat(org.value()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrganisationStatus.ACTIVE));
        assertThat(law.value()).hasValueSatisfying(a -> assertThat(a.effectiveFrom())
                .isEqualTo(LocalDate.of(2021, 7, 15)));
        HUB.verify(getRequestedFor(urlEqualTo(
                "/api/v1/registries/organisations/91441502MA4UJ0XX3T?matterCode=330217001000")));
    }

    @Test
    void missingPurposeOrBadArticle_isRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> hub.registries().organisation("91441502MA4UJ0XX3T", Purpose.none()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> hub.registries().lawArticle("XZCFF", 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PersonCheckRequest.of("441502199001011232", "陈小海", Purpose.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting("field").containsExactly("purpose.matterCode"));

        assertThat(HUB.getAllServeEvents()).isEmpty();
    }
}
