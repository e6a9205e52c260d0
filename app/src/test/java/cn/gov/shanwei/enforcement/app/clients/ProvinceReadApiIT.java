package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map and base-library API (`/api/v1/geo`, `/api/v1/registries`) over HTTP: the client registry's services
 * (403 for a client without them), CGCS2000 checks at the boundary, the tile proxy's caching headers, 503 while the
 * exchange is down, and a monitoring record naming the calling system for every call.
 */
class ProvinceReadApiIT extends SandboxHubTest {

    static final String DEMO = "sandbox-demo";
    static final String DEMO_SECRET = "sandbox-demo-secret-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProvinceSandbox sandbox;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcClient jdbc;

    SignedHttp http;

    @BeforeEach
    void connect() {
        http = new SignedHttp(URI.create(endpoint()));
    }

    @AfterEach
    void restoreProvince() {
        sandbox.restore(SandboxService.EXCHANGE);
        sandbox.restore(SandboxService.MAP);
        breakers.circuitBreaker("exchange").reset();
        breakers.circuitBreaker("map").reset();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void geocode_answersCandidates_andRecordsTheCallingSystem() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/geo/geocode?address=" + q("汕尾市城区香洲街道二马路8号")
                + "&caseNumber=GEO-IT-1&matterCode=330217001000", DEMO, DEMO_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("matches").get(0).path("address").asText()).isEqualTo("广东省汕尾市城区香洲街道二马路8号");
        assertThat(body.path("matches").get(0).path("lon").asDouble()).isEqualTo(115.3712);
        assertThat(body.path("stale").asBoolean()).isFalse();
        assertThat(body.path("answeredAt").asText()).isNotBlank();
        Map<String, Object> row = jdbc.sql("SELECT * FROM provider_call WHERE case_number = 'GEO-IT-1'")
                .query().singleRow();
        assertThat(row).containsEntry("calling_system", DEMO).containsEntry("provider", "map")
                .containsEntry("operation", "geocode").containsEntry("matter_code", "330217001000");
    }

    @Test
    void pointReads_answerThePlaceAndTheDivision() throws Exception {
        JsonNode place = json(http.get("/api/v1/geo/reverse-geocode?lon=115.3712&lat=22.7865", DEMO, DEMO_SECRET));
        JsonNode division = json(http.get("/api/v1/geo/divisions/containing?lon=115.3712&lat=22.7865&crs=EPSG:4490",
                DEMO, DEMO_SECRET));
        JsonNode nowhere = json(http.get("/api/v1/geo/divisions/containing?lon=113.26&lat=23.13", DEMO,
                DEMO_SECRET));

        assertThat(place.path("found").asBoolean()).isTrue();
        assertThat(place.path("address").asText()).isEqualTo("广东省汕尾市城区香洲街道二马路8号");
        assertThat(division.path("code").asText()).isEqualTo("441502000000");
        assertThat(nowhere.path("found").asBoolean()).isFalse();
        Map<String, Object> record = jdbc.sql("SELECT * FROM provider_call WHERE operation = 'divisionOf' AND "
                + "matter_code = 'none' ORDER BY id LIMIT 1").query().singleRow();
        assertThat(record).containsEntry("calling_system", DEMO);
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource({
            "lon=115.37&lat=22.78&crs=GCJ-02, crs, GCJ-02 is refused",
            "lon=115.37&lat=22.78&crs=BD09, crs, BD-09",
            "lon=115.37&lat=22.78&crs=EPSG:3857, crs, not supported",
            "lon=200&lat=22.78, lon, between -180 and 180",
            "lon=115.37&lat=-91, lat, between -90 and 90",
            "lon=115.37, lat, is required",
            "lon=east&lat=22.78, lon, not a valid Double"
    })
    void coordinates_otherDatumsAndOutOfRange_areRefusedNamingTheField(String query, String field, String message)
            throws Exception {
        HttpResponse<String> response = http.get("/api/v1/geo/reverse-geocode?" + query, DEMO, DEMO_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json(response).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains(message);
    }

    @Test
    void features_answerGeoJson_andRefuseAWholeLayer() throws Exception {
        HttpResponse<String> found = http.post("/api/v1/geo/features", """
                {"layer":"division","bbox":{"minLon":115.2,"minLat":22.6,"maxLon":115.6,"maxLat":23.0},
                 "maxFeatures":10}""", DEMO, DEMO_SECRET, null);
        HttpResponse<String> whole = http.post("/api/v1/geo/features", "{\"layer\":\"division\"}", DEMO,
                DEMO_SECRET, null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found).path("featureCount").asInt()).isPositive();
        assertThat(JSON.readTree(json(found).path("geoJson").asText()).path("type").asText())
                .isEqualTo("FeatureCollection");
        assertThat(whole.statusCode()).isEqualTo(400);
        assertThat(json(whole).path("errors").get(0).path("field").asText()).isEqualTo("bbox");
    }

    @Test
    void tiles_comeThroughTheHubWithCachingHeaders_andARepeatWithTheEtagIs304() {
        HttpResponse<byte[]> tile = getBytes("/api/v1/geo/tiles/vec/10/839/191", null);

        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(tile.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(tile.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cc -> assertThat(cc).contains("max-age=3600").contains("private"));
        assertThat(tile.headers().firstValue("X-Hub-Stale")).hasValue("false");
        String etag = tile.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = getBytes("/api/v1/geo/tiles/vec/10/839/191", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(jdbc.sql("SELECT outcome FROM provider_call WHERE operation = 'tile' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("SERVED_FROM_CACHE");
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource({
            "/api/v1/geo/tiles/vec/21/0/0, z",
            "/api/v1/geo/tiles/vec/19/0/0, z",
            "/api/v1/geo/tiles/vec/3/8/0, x",
            "/api/v1/geo/tiles/vec/3/0/4, y",
            "/api/v1/geo/tiles/vec/-1/0/0, z",
            "/api/v1/geo/tiles/satellite/3/0/0, layer",
            "/api/v1/geo/tiles/vec/3/x/0, x"
    })
    void tiles_offTheTilingOrNotServed_are400(String path, String field) throws Exception {
        HttpResponse<String> response = http.get(path, DEMO, DEMO_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void clientWithoutTheServices_is403_andAnUnsignedCallIs401() throws Exception {
        HttpResponse<String> geocode = http.get("/api/v1/geo/geocode?address=" + q("海丰县"), "market-supervision",
                NEW_SECRET);
        HttpResponse<String> tile = http.get("/api/v1/geo/tiles/vec/0/0/0", "market-supervision", NEW_SECRET);
        HttpResponse<String> person = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011232","name":"陈小海","purpose":{"matterCode":"330217001000"}}""",
                "market-supervision", NEW_SECRET, null);
        HttpResponse<String> unsigned = http.get("/api/v1/registries/laws/XZCFF/articles/72");

        assertThat(geocode.statusCode()).isEqualTo(403);
        assertThat(json(geocode).path("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(tile.statusCode()).isEqualTo(403);
        assertThat(person.statusCode()).isEqualTo(403);
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    void personCheck_answersMatchOrMismatchOnly() throws Exception {
        HttpResponse<String> match = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011232","name":"陈小海",
                 "purpose":{"matterCode":"330217001000","caseNumber":"PERSON-IT-1","officerId":"44150001"}}""",
                DEMO, DEMO_SECRET, null);
        HttpResponse<String> mismatch = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011232","name":"林晓红","purpose":{"matterCode":"330217001000"}}""",
                DEMO, DEMO_SECRET, null);

        assertThat(match.statusCode()).as(match.body()).isEqualTo(200);
        assertThat(json(match).path("result").asText()).isEqualTo("MATCH");
        assertThat(json(match).path("match").asBoolean()).isTrue();
        assertThat(json(match).size()).isEqualTo(3); // result, match, checkedAt: no personal data comes back
        assertThat(json(mismatch).path("result").asText()).isEqualTo("MISMATCH");
        assertThat(jdbc.sql("SELECT calling_system FROM provider_call WHERE case_number = 'PERSON-IT-1'")
                .query(String.class).single()).isEqualTo(DEMO);
    }

    @Test
    void personCheck_badIdOrNoPurpose_is400_andTheExchangeDownIs503() throws Exception {
        HttpResponse<String> badId = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011233","name":"陈小海","purpose":{"matterCode":"330217001000"}}""",
                DEMO, DEMO_SECRET, null);
        HttpResponse<String> noPurpose = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011232","name":"陈小海"}""", DEMO, DEMO_SECRET, null);
        sandbox.simulateOutage(SandboxService.EXCHANGE);
        HttpResponse<String> down = http.post("/api/v1/registries/person-checks", """
                {"idNumber":"441502199001011232","name":"陈小海","purpose":{"matterCode":"330217001000"}}""",
                DEMO, DEMO_SECRET, null);

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).path("errors").get(0).path("field").asText()).isEqualTo("idNumber");
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(json(noPurpose).path("errors").get(0).path("field").asText()).isEqualTo("purpose");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(json(down).path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void organisationAndLaw_areLookedUp_unknownIsNotFoundFalse_andABadCodeIs400() throws Exception {
        JsonNode org = json(http.get("/api/v1/registries/organisations/91441502MA4UJ0XX3T?matterCode=330217001000",
                DEMO, DEMO_SECRET));
        JsonNode unknown = json(http.get(
                "/api/v1/registries/organisations/91441502MA4UJ0XX4X?matterCode=330217001000", DEMO, DEMO_SECRET));
        HttpResponse<String> bad = http.get("/api/v1/registries/organisations/91441502MA4UJ0XX3A?matterCode=1",
                DEMO, DEMO_SECRET);
        HttpResponse<String> noPurpose = http.get("/api/v1/registries/organisations/91441502MA4UJ0XX3T", DEMO,
                DEMO_SECRET);
        JsonNode law = json(http.get("/api/v1/registries/laws/XZCFF/articles/72", DEMO, DEMO_SECRET));

        assertThat(org.path("found").asBoolean()).isTrue();
        assertThat(org.path("name").asText()).isEqualTo("汕尾市城区海滨餐饮有限公司");
        assertThat(org.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(unknown.path("found").asBoolean()).as(unknown.toString()).isFalse();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("field").asText()).isEqualTo("uscc");
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(law.path("lawName").asText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(law.path("effectiveFrom").asText()).isEqualTo("2021-07-15");
    }

    private HttpResponse<byte[]> getBytes(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(SignedHttp.sign(request, "GET", path, new byte[0], DEMO, DEMO_SECRET).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
