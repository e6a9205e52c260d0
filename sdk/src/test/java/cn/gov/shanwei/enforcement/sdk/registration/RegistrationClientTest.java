package cn.gov.shanwei.enforcement.sdk.registration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrationClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/clients/me";
    private static final String SECRET = "secret-0123456789";

    private EnforcementHubClient client() {
        return EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("market-supervision", SECRET)
                .build();
    }

    @Test
    void get_whenRegistered_mapsServicesPurposesAndRateLimit() {
        HUB.stubFor(get(PATH).willReturn(okJson("""
                {"clientId":"market-supervision","name":"市场监管","services":[
                  {"service":"licence.verify","purposes":["330217001000","330217002000"]},
                  {"service":"map.geocode","purposes":[]}],
                 "rateLimit":{"requestsPerSecond":20,"burst":40},"future":true}""")));

        ClientRegistration registration;
        try (EnforcementHubClient client = client()) {
            registration = client.registration().get();
        }

        assertThat(registration.clientId()).isEqualTo("market-supervision");
        assertThat(registration.name()).isEqualTo("市场监管");
        assertThat(registration.rateLimit()).isEqualTo(new RateLimit(20, 40));
        assertThat(registration.service("licence.verify")).hasValueSatisfying(grant -> {
            assertThat(grant.allowsPurpose("330217001000")).isTrue();
            assertThat(grant.allowsPurpose("999")).isFalse();
        });
        assertThat(registration.service("map.geocode")).hasValue(new ServiceGrant("map.geocode", List.of()));
        assertThat(registration.service("seal.apply")).isEmpty();
    }

    @Test
    void get_signsAGetWithTheEmptyBodyDigest() {
        HUB.stubFor(get(PATH).willReturn(okJson("""
                {"clientId":"c","name":"n","services":[],"rateLimit":{"requestsPerSecond":1,"burst":1}}""")));

        try (EnforcementHubClient client = client()) {
            client.registration().get();
        }

        LoggedRequest request = HUB.findAll(getRequestedFor(urlEqualTo(PATH))).get(0);
        String canonical = HubRequestSignature.canonical("GET", PATH,
                Long.parseLong(request.getHeader(HubRequestSignature.TIMESTAMP_HEADER)),
                request.getHeader(HubRequestSignature.NONCE_HEADER), new byte[0]);
        assertThat(request.getHeader(HubRequestSignature.SIGNATURE_HEADER))
                .isEqualTo(HubRequestSignature.sign(SECRET, canonical));
        assertThat(request.containsHeader("Content-Type")).isFalse();
    }

    @Test
    void get_whenRateLimitMissing_failsAsUnexpected() {
        HUB.stubFor(get(PATH).willReturn(okJson("{\"clientId\":\"c\",\"name\":\"n\",\"services\":[]}")));

        try (EnforcementHubClient client = client()) {
            assertThatThrownBy(() -> client.registration().get())
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("rateLimit");
        }
    }

    @Test
    void serviceGrant_withAnyPurpose_allowsEveryMatterCode() {
        assertThat(new ServiceGrant("licence.verify", List.of(ServiceGrant.ANY_PURPOSE)).allowsPurpose("x")).isTrue();
    }
}
