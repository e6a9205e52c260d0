package cn.gov.shanwei.enforcement.contracts.map;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.map.AdminDivision;
import cn.gov.shanwei.enforcement.adapters.map.BoundingBox;
import cn.gov.shanwei.enforcement.adapters.map.FeatureCollection;
import cn.gov.shanwei.enforcement.adapters.map.FeatureQuery;
import cn.gov.shanwei.enforcement.adapters.map.GeoPoint;
import cn.gov.shanwei.enforcement.adapters.map.GeocodeCandidate;
import cn.gov.shanwei.enforcement.adapters.map.MapClient;
import cn.gov.shanwei.enforcement.adapters.map.MatchLevel;
import cn.gov.shanwei.enforcement.adapters.map.ReverseGeocodeResult;
import cn.gov.shanwei.enforcement.adapters.map.TileImage;
import cn.gov.shanwei.enforcement.adapters.map.TileProxy;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.contracts.sandbox.TifGatewayCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real {@link MapClient} against the sandbox's 粤政图 (contract {@code contracts/map/yzt-map-v1.yaml}). */
class MapClientContractTest {

    private static ProvinceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.MAP);
    }

    static MapClient client(String token) {
        return MapClient.builder()
                .endpoint(sandbox.endpoint(SandboxService.MAP))
                .signer(TifRequestSigner.of(new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID, token)))
                .requestTimeout(Duration.ofMillis(800))
                .cacheFreshFor(Duration.ofMillis(1))
                .build();
    }

    static MapClient client() {
        return client(TifGatewayCheck.SANDBOX_TOKEN);
    }

    @Test
    void geocode_findsAFictionalAddressInItsRealCounty() {
        List<GeocodeCandidate> found = client().geocode("陆河县河田镇人民路18号", null).value();

        assertThat(found).isNotEmpty();
        GeocodeCandidate best = found.get(0);
        assertThat(best.address()).isEqualTo("广东省汕尾市陆河县河田镇人民路18号");
        assertThat(best.adminCode()).isEqualTo("441523100000");
        assertThat(best.level()).isEqualTo(MatchLevel.DOOR);
        assertThat(found).extracting(GeocodeCandidate::score).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void geocode_withinARegion_returnsOnlyThatRegion() {
        List<GeocodeCandidate> found = client().geocode("汕尾市人民路", "441581").value();
        assertThat(found).isNotEmpty().allSatisfy(c -> assertThat(c.adminCode()).startsWith("441581"));
    }

    @ParameterizedTest
    @CsvSource({
        "115.3712, 22.7865, 441502001000, 香洲街道, 城区",
        "115.3240, 22.9680, 441521100000, 海城镇, 海丰县",
        "115.6580, 23.3020, 441523100000, 河田镇, 陆河县",
        "115.6440, 22.9450, 441581001000, 东海街道, 陆丰市",
        "116.1000, 23.1000, 441581000000, 陆丰市, 陆丰市"})
    void reverseGeocodeAndDivisionOf_nameTheDivisionOfEachCounty(double lon, double lat, String code, String name,
                                                                 String county) {
        MapClient client = client();
        ReverseGeocodeResult at = client.reverseGeocode(GeoPoint.of(lon, lat)).value().orElseThrow();
        assertThat(at.adminCode()).isEqualTo(code).hasSize(12);
        assertThat(at.adminName()).isEqualTo(name);

        AdminDivision division = client.divisionOf(GeoPoint.of(lon, lat)).value().orElseThrow();
        assertThat(division.name()).isEqualTo(county);
        assertThat(division.code()).startsWith(code.substring(0, 6)).endsWith("000000");
        assertThat(division.parentCode()).isEqualTo("441500000000");
    }

    @Test
    void reverseGeocode_outsideShanwei_isEmpty() {
        assertThat(client().reverseGeocode(GeoPoint.of(113.26, 23.13)).value()).isEmpty();
        assertThat(client().divisionOf(GeoPoint.of(113.26, 23.13)).value()).isEmpty();
    }

    @Test
    void features_byBoxAndByFilter_areCheckedGeoJson() {
        FeatureCollection inCity = client().features(
                FeatureQuery.inBox("division", new BoundingBox(115.30, 22.71, 115.40, 22.74))).value();
        assertThat(inCity.featureCount()).isEqualTo(1);
        assertThat(inCity.geoJson()).contains("\"FeatureCollection\"").contains("城区");

        FeatureCollection luhe = client().features(FeatureQuery.where("poi", "adminCode", "441523100000")).value();
        assertThat(luhe.featureCount()).isEqualTo(1);
        assertThat(luhe.geoJson()).contains("河田镇人民路18号");
    }

    @Test
    void features_ofAnUnknownLayer_areRefusedByTheProvider() {
        assertThatThrownBy(() -> client().features(FeatureQuery.where("rivers", "name", "x")))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo("UNKNOWN_LAYER"));
    }

    @Test
    void tileProxy_servesSandboxTilesAsPng() {
        TileProxy proxy = TileProxy.builder().client(client()).layers(Set.of("vec", "img")).build();
        TileImage tile = proxy.tile("vec", 10, 840, 191);
        assertThat(tile.contentType()).isEqualTo("image/png");
        assertThat(tile.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void anyCall_withAWrongGatewayToken_isRefusedByTheGateway() {
        assertThatThrownBy(() -> client("not-the-sandbox-token").geocode("陆河县", null))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE));
    }

    @Test
    void outage_servesTheLastAnswerStale_andFailsWhenNothingIsKept() {
        MapClient client = client();
        client.geocode("海丰县红城大道", null);
        sandbox.simulateOutage(SandboxService.MAP);

        Cached<List<GeocodeCandidate>> stale = client.geocode("海丰县红城大道", null);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.value()).isNotEmpty();
        assertThatThrownBy(() -> client.geocode("陆丰市", null)).isInstanceOf(ProviderTransportException.class);

        sandbox.simulateConnectionReset(SandboxService.MAP);
        assertThatThrownBy(() -> client.divisionOf(GeoPoint.of(115.6, 23.3)))
                .isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void malformedOrOversizedAnswers_breakTheContract_andAreNeverServedFromCacheAsFresh() {
        sandbox.simulateMalformedAnswer(SandboxService.MAP);
        assertThatThrownBy(() -> client().geocode("陆河县", null)).isInstanceOf(ProviderResponseInvalidException.class);
        sandbox.simulateOversizedAnswer(SandboxService.MAP);
        assertThatThrownBy(() -> client().features(FeatureQuery.where("poi", "adminCode", "441523100000")))
                .isInstanceOf(ProviderResponseInvalidException.class).hasMessageContaining("exceeds");
    }

    @Test
    void latency_beyondTheDeadline_isATimeout() {
        sandbox.simulateLatency(SandboxService.MAP, Duration.ofMillis(1500));
        assertThatThrownBy(() -> client().geocode("陆河县", null)).isInstanceOf(ProviderTimeoutException.class);
    }
}
