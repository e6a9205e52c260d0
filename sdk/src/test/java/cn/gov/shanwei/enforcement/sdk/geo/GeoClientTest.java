package cn.gov.shanwei.enforcement.sdk.geo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeoClientTest {

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
    void geocode_sendsTheAddressEncoded_andReadsCandidatesAndTheirAge() {
        HUB.stubFor(get(urlPathEqualTo("/api/v1/geo/geocode")).willReturn(okJson("""
                {"matches":[{"address":"广东省汕尾市城区香洲街道二马路8号","lon":115.3712,"lat":22.7865,
                  "precision":"DOOR","score":92,"adminCode":"441502001000"}],
                 "answeredAt":"2026-11-27T08:00:00Z","stale":true,"later":1}""")));

        GeocodeResult result = hub.geo().geocode(GeocodeRequest.of("二马路 8号").within("441502")
                .withPurpose(Purpose.of("330217001000").withCase("SW-1")));

        assertThat(result.stale()).isTrue();
        assertThat(result.answeredAt()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(result.candidates()).singleElement().satisfies(c -> {
            assertThat(c.point()).isEqualTo(GeoPoint.of(115.3712, 22.7865));
            assertThat(c.score()).isEqualTo(92);
        });
        HUB.verify(getRequestedFor(urlEqualTo("/api/v1/geo/geocode?address=%E4%BA%8C%E9%A9%AC%E8%B7%AF%208%E5%8F%B7"
                + "&regionCode=441502&matterCode=330217001000&caseNumber=SW-1")));
    }

    @Test
    void pointQueries_readFoundAndNotFound_andRefuseAContradiction() {
        HUB.stubFor(get(urlPathEqualTo("/api/v1/geo/reverse-geocode")).willReturn(okJson("""
                {"found":true,"adminCode":"441502001000","adminName":"香洲街道","address":"二马路8号",
                 "answeredAt":"2026-11-27T08:00:00Z","stale":false}""")));
        HUB.stubFor(get(urlPathEqualTo("/api/v1/geo/divisions/containing")).willReturn(okJson("""
                {"found":false,"answeredAt":"2026-11-27T08:00:00Z","stale":false}""")));

        assertThat(hub.geo().reverseGeocode(GeoPoint.of(115.37, 22.78)).value())
                .hasValueSatisfying(p -> assertThat(p.adminName()).isEqualTo("香洲街道"));
        assertThat(hub.geo().divisionContaining(GeoPoint.of(113.26, 23.13)).value()).isEmpty();
        HUB.verify(getRequestedFor(urlEqualTo("/api/v1/geo/divisions/containing?lon=113.26&lat=23.13")));

        HUB.stubFor(get(urlPathEqualTo("/api/v1/geo/divisions/containing")).willReturn(okJson("""
                {"found":true,"answeredAt":"2026-11-27T08:00:00Z","stale":false}""")));
        assertThatThrownBy(() -> hub.geo().divisionContaining(GeoPoint.of(113.26, 23.13)))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void features_postTheQuery_andAnswerWithoutAgeIsUnexpected() {
        HUB.stubFor(post("/api/v1/geo/features").willReturn(okJson("""
                {"layer":"poi","featureCount":1,"geoJson":"{\\"type\\":\\"FeatureCollection\\",\\"features\\":[]}",
                 "answeredAt":"2026-11-27T08:00:00Z","stale":false}""")));

        FeatureResult result = hub.geo().features(FeatureRequest.where("poi", "town", "香洲街道").limit(5),
                RequestOptions.none());

        assertThat(result.geoJson()).contains("FeatureCollection");
        HUB.verify(postRequestedFor(urlEqualTo("/api/v1/geo/features")).withRequestBody(equalToJson("""
                {"layer":"poi","equalTo":{"town":"香洲街道"},"maxFeatures":5,"crs":"EPSG:4490"}""")));

        HUB.stubFor(post("/api/v1/geo/features").willReturn(okJson("""
                {"layer":"poi","featureCount":1,"geoJson":"{}"}""")));
        assertThatThrownBy(() -> hub.geo().features(FeatureRequest.where("poi", "town", "x")))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void badInput_isRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> GeoPoint.of(200, 22)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).extracting("field").containsExactly("lon"));
        assertThatThrownBy(() -> new BoundingBox(115.5, 22.7, 115.2, 22.9)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new FeatureRequest("poi", null, Map.of(), 10, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting("field").containsExactly("bbox"));
        assertThatThrownBy(() -> GeocodeRequest.of(" ").within("4415")).isInstanceOf(ValidationException.class);

        assertThat(HUB.getAllServeEvents()).isEmpty();
    }

    @Test
    void mapUnavailable_isProviderUnavailableWithRetryAfter() {
        HUB.stubFor(get(urlPathEqualTo("/api/v1/geo/reverse-geocode")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "30")
                .withBody("{\"code\":\"PROVIDER_UNAVAILABLE\",\"provider\":\"map\",\"retryAfterSeconds\":30}")));

        assertThatThrownBy(() -> hub.geo().reverseGeocode(GeoPoint.of(115.37, 22.78)))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.provider()).isEqualTo("map");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
        HUB.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/geo/reverse-geocode"))
                .withHeader("X-Hub-Client-Id", equalTo("market-supervision")));
    }
}
