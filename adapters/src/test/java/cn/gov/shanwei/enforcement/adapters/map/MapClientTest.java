package cn.gov.shanwei.enforcement.adapters.map;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.rest.MovableClock;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapClientTest {

    private static final String GEOCODE_OK = """
            {"requestId":"r1","candidates":[
              {"address":"广东省汕尾市陆河县河田镇人民路18号","lon":115.658,"lat":23.302,"level":"DOOR","score":96,"adminCode":"441523100000"},
              {"address":"广东省汕尾市陆河县","lon":115.65,"lat":23.3,"level":"COUNTY","score":41,"adminCode":"441523000000"}]}""";

    @RegisterExtension
    private static final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    private final MovableClock clock = new MovableClock();
    private MapClient client;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        client = MapClient.builder()
                .endpoint(URI.create(wireMock.baseUrl() + "/map"))
                .signer(TifRequestSigner.of(new TifCredentials("hub-test", "token-for-tests-0001")))
                .requestTimeout(Duration.ofMillis(1500))
                .maxResponseBytes(4096)
                .cacheFreshFor(Duration.ofMinutes(10))
                .cacheKeepStaleFor(Duration.ofHours(1))
                .clock(clock)
                .build();
    }

    @Test
    void geocode_whenAnswered_returnsRankedCandidatesAndSignsTheRequest() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(GEOCODE_OK)));

        Cached<List<GeocodeCandidate>> found = client.geocode("陆河县河田镇人民路18号", "441523");

        assertThat(found.stale()).isFalse();
        assertThat(found.value()).extracting(GeocodeCandidate::score).containsExactly(96, 41);
        assertThat(found.value().get(0).point()).isEqualTo(GeoPoint.of(115.658, 23.302));
        assertThat(found.value().get(0).level()).isEqualTo(MatchLevel.DOOR);
        wireMock.verify(getRequestedFor(urlPathEqualTo("/map/geocode"))
                .withQueryParam("regionCode", matching("441523"))
                .withHeader(TifRequestSigner.PAAS_ID, matching("hub-test"))
                .withHeader(TifRequestSigner.SIGNATURE, matching("[0-9A-F]{64}")));
    }

    @Test
    void geocode_whenAskedAgainWhileFresh_servesFromTheCache() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(GEOCODE_OK)));
        client.geocode("陆河县", null);
        clock.advance(Duration.ofMinutes(9));
        client.geocode("陆河县", null);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/map/geocode")));
    }

    @Test
    void geocode_whenProviderIsDownAfterExpiry_servesTheOldAnswerMarkedStale() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(GEOCODE_OK)));
        Instant first = client.geocode("陆河县", null).fetchedAt();
        clock.advance(Duration.ofMinutes(11));
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(aResponse().withStatus(503)));

        Cached<List<GeocodeCandidate>> again = client.geocode("陆河县", null);

        assertThat(again.stale()).isTrue();
        assertThat(again.fetchedAt()).isEqualTo(first);
        assertThat(again.value()).hasSize(2);
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> client.geocode("陆河县", null)).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void geocode_whenProviderRejects_isNotHiddenBehindTheCache() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(GEOCODE_OK)));
        client.geocode("陆河县", null);
        clock.advance(Duration.ofMinutes(11));
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"400001\",\"message\":\"timestamp outside window\",\"requestId\":\"g-1\"}")));

        assertThatThrownBy(() -> client.geocode("陆河县", null))
                .isInstanceOfSatisfying(ProviderRejectedException.class, e -> {
                    assertThat(e.providerCode()).isEqualTo("400001");
                    assertThat(e.providerRequestId()).isEqualTo("g-1");
                });
    }

    @Test
    void geocode_whenInputIsBad_sendsNothing() {
        assertThatThrownBy(() -> client.geocode(" ", null)).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> client.geocode("x".repeat(201), null)).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> client.geocode("陆河县", "4415"))
                .isInstanceOfSatisfying(AdapterValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("regionCode"));
        wireMock.verify(0, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void geocode_whenAnswerBreaksTheContract_isInvalid() {
        String[] broken = {
            "{\"candidates\":[{\"address\":\"a\",\"lon\":115,\"lat\":23,\"level\":\"DOOR\",\"score\":90,\"adminCode\":\"4415\"}]}",
            "{\"candidates\":[{\"address\":\"a\",\"lon\":115,\"lat\":23,\"level\":\"STREETLAMP\",\"score\":90,\"adminCode\":\"441523000000\"}]}",
            "{\"candidates\":[{\"address\":\"a\",\"lon\":215,\"lat\":23,\"level\":\"DOOR\",\"score\":90,\"adminCode\":\"441523000000\"}]}",
            "{\"candidates\":[{\"address\":\"a\",\"lon\":115,\"lat\":23,\"level\":\"DOOR\",\"score\":10,\"adminCode\":\"441523000000\"},"
                    + "{\"address\":\"b\",\"lon\":115,\"lat\":23,\"level\":\"DOOR\",\"score\":90,\"adminCode\":\"441523000000\"}]}",
            "{\"candidates\":{}}",
            "{\"candidates\":[]} trailing",
            "[".repeat(40) + "]".repeat(40)};
        for (int i = 0; i < broken.length; i++) {
            wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(broken[i])));
            String address = "地址" + i;
            assertThatThrownBy(() -> client.geocode(address, null)).as(broken[i])
                    .isInstanceOf(ProviderResponseInvalidException.class);
        }
    }

    @Test
    void anyCall_whenAnswerIsTooLargeOrNotJson_isInvalid() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(
                "{\"candidates\":[],\"pad\":\"" + "x".repeat(5000) + "\"}")));
        assertThatThrownBy(() -> client.geocode("a1", null)).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining("exceeds 4096 bytes");
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<html>gateway</html>")));
        assertThatThrownBy(() -> client.geocode("a2", null)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void anyCall_whenSlowOrReset_isATransportFailure() {
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode")).willReturn(okJson(GEOCODE_OK).withFixedDelay(2500)));
        assertThatThrownBy(() -> client.geocode("slow", null)).isInstanceOf(ProviderTimeoutException.class);
        wireMock.stubFor(get(urlPathEqualTo("/map/geocode"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client.geocode("reset", null))
                .isInstanceOf(ProviderTransportException.class).isNotInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void reverseGeocode_whenNothingThere_isEmpty() {
        wireMock.stubFor(get(urlPathEqualTo("/map/reverse-geocode")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"NO_RESULT\",\"message\":\"none\"}")));
        assertThat(client.reverseGeocode(GeoPoint.of(100, 10)).value()).isEmpty();
    }

    @Test
    void divisionOf_whenLevelIsNotAdministrative_isInvalid() {
        wireMock.stubFor(get(urlPathEqualTo("/map/divisions/containing")).willReturn(okJson(
                "{\"division\":{\"code\":\"441523000000\",\"name\":\"x\",\"level\":\"DOOR\",\"parentCode\":\"441500000000\"}}")));
        assertThatThrownBy(() -> client.divisionOf(GeoPoint.of(115.6, 23.3)))
                .isInstanceOf(ProviderResponseInvalidException.class);
        wireMock.stubFor(get(urlPathEqualTo("/map/divisions/containing")).willReturn(okJson(
                "{\"division\":{\"code\":\"441523000000\",\"name\":\"陆河县\",\"level\":\"COUNTY\",\"parentCode\":\"441500000000\"}}")));
        Optional<AdminDivision> division = client.divisionOf(GeoPoint.of(115.6, 23.31)).value();
        assertThat(division).map(AdminDivision::countyCode).contains("441523");
    }

    @Test
    void features_whenMoreFeaturesThanAskedOrBadGeometry_isInvalid() {
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[115,23]},\"properties\":{}}";
        wireMock.stubFor(get(urlPathEqualTo("/map/wfs")).willReturn(okJson(
                "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "," + feature + "]}")));
        FeatureQuery one = new FeatureQuery("poi", new BoundingBox(115, 22, 116, 24), null, 1);
        assertThatThrownBy(() -> client.features(one)).isInstanceOf(ProviderResponseInvalidException.class);

        FeatureQuery two = new FeatureQuery("poi", new BoundingBox(115, 22, 116, 24), null, 2);
        assertThat(client.features(two).value().featureCount()).isEqualTo(2);

        wireMock.stubFor(get(urlPathEqualTo("/map/wfs")).willReturn(okJson(
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\"},\"properties\":{}}]}")));
        assertThatThrownBy(() -> client.features(FeatureQuery.where("poi", "name", "x")))
                .isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void tileProxy_cachesTilesAndServesThemStaleWhileTheMapIsDown() {
        wireMock.stubFor(get(urlPathMatching("/map/wmts/vec/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        TileProxy proxy = TileProxy.builder().client(client).layers(Set.of("vec")).maxZoom(18)
                .freshFor(Duration.ofMinutes(1)).keepStaleFor(Duration.ofHours(1)).clock(clock).build();

        assertThat(proxy.tile("vec", 10, 839, 191).bytes()).hasSize(4);
        proxy.tile("vec", 10, 839, 191);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/map/wmts/vec/10/839/191.png")));

        clock.advance(Duration.ofMinutes(2));
        wireMock.stubFor(get(urlPathMatching("/map/wmts/vec/.*")).willReturn(aResponse().withStatus(503)));
        assertThat(proxy.tile("vec", 10, 839, 191).stale()).isTrue();
        assertThatThrownBy(() -> proxy.tile("vec", 10, 840, 191)).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void tileProxy_refusesLayersZoomsAndNonImages() {
        TileProxy proxy = TileProxy.builder().client(client).layers(Set.of("vec")).maxZoom(18).clock(clock).build();
        assertThatThrownBy(() -> proxy.tile("img", 1, 0, 0)).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> proxy.tile("vec", 19, 0, 0)).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> proxy.tile("vec", 1, 0, 5)).isInstanceOf(AdapterValidationException.class);
        wireMock.stubFor(get(urlPathMatching("/map/wmts/vec/.*")).willReturn(okJson("{}")));
        assertThatThrownBy(() -> proxy.tile("vec", 1, 0, 0)).isInstanceOf(ProviderResponseInvalidException.class);
        assertThat(client.tileUrl("vec", new TileAddress(1, 0, 0)).toString()).endsWith("/map/wmts/vec/1/0/0.png");
    }

    @Test
    void builder_whenSettingsAreMissingOrBad_namesThem() {
        assertThatThrownBy(() -> MapClient.builder().build()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> MapClient.builder().endpoint(URI.create("ftp://x/map")).build())
                .hasMessageContaining("http");
        assertThatThrownBy(() -> MapClient.builder().endpoint(URI.create("http://x/map")).build())
                .hasMessageContaining("signer");
        assertThatThrownBy(() -> MapClient.builder().endpoint(URI.create("http://x/map"))
                .signer(TifRequestSigner.of(new TifCredentials("a", "token-0000"))).cacheMaximumSize(0).build())
                .hasMessageContaining("maximumSize");
    }
}
