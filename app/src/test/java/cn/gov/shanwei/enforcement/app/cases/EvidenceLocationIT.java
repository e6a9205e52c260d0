package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence placed on 粤政图 through the whole hub against the province sandbox (issue 7, ADR 0513): an address or
 * coordinates given at upload are placed through the map port at once; offset coordinate systems and half a point are
 * 400 with nothing written; with the map down the upload is stored with its place pending, the durable request
 * ({@code map.locate-evidence}) fails while the map stays down and records the answer on the case once it is back.
 */
class EvidenceLocationIT extends StaffApiTestBase {

    static final byte[] PHOTO = "photo of the stall".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.MAP);
        breakers.circuitBreaker("map").reset();
    }

    static String path(String id, String step) {
        return "/api/v1/cases/penalties/" + id + (step.isEmpty() ? "" : "/" + step);
    }

    /** A filed case of 海丰县. */
    String filedCase(String party) {
        String id = lead("hf-officer-1", "441521", party);
        StaffHttp.Answer filed = as("hf-head").post(path(id, "filing"), Map.of("filedOn", today().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        return id;
    }

    StaffHttp.Answer upload(String id, Map<String, Object> place) {
        Map<String, Object> fields = new HashMap<>(Map.of("description", "stall", "collectedAt",
                today().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant().toString(),
                "where", "红城大道西", "coOfficerIds", List.of("hf-officer-2")));
        fields.putAll(place);
        return as("hf-officer-1").multipart(path(id, "evidence"), fields, "stall.jpg", PHOTO, null);
    }

    static JsonNode location(StaffHttp.Answer answer, int index) {
        return answer.json().path("evidence").get(index).path("location");
    }

    @Test
    void anAddressAndCoordinates_arePlacedAtUpload_throughTheMap() {
        String id = filedCase("located 餐饮有限公司");

        StaffHttp.Answer byAddress = upload(id, Map.of("address", "海丰县海城镇红城大道西168号"));
        StaffHttp.Answer byPoint = upload(id, Map.of("lon", "115.3301", "lat", "22.9719", "crs", "CGCS2000"));

        assertThat(byAddress.status()).as(byAddress.body()).isEqualTo(201);
        JsonNode first = location(byAddress, 0);
        assertThat(first.path("state").asText()).isEqualTo("LOCATED");
        assertThat(first.path("divisionCode").asText()).isEqualTo("441521100000");
        assertThat(first.path("matchedAddress").asText()).isEqualTo("广东省汕尾市海丰县海城镇红城大道西168号");
        assertThat(first.path("point").path("lon").asDouble()).isEqualTo(115.324);
        assertThat(first.path("crs").asText()).isEqualTo("EPSG:4490");
        assertThat(byPoint.status()).as(byPoint.body()).isEqualTo(201);
        JsonNode second = location(byPoint, 1);
        assertThat(second.path("state").asText()).isEqualTo("LOCATED");
        assertThat(second.path("point").path("lon").asDouble()).isEqualTo(115.3301);
        assertThat(second.path("precision").asText()).isEqualTo("POINT");
        assertThat(second.path("divisionCode").asText()).isEqualTo("441521100000");
        assertThat(byPoint.json().path("record").findValuesAsText("type"))
                .endsWith("EvidenceRecorded", "EvidenceLocated", "EvidenceRecorded", "EvidenceLocated");
        String caseNumber = byPoint.json().path("summary").path("caseNumber").asText();
        assertThat(jdbc.sql("SELECT operation FROM provider_call WHERE case_number = :n AND provider = 'map'")
                .param("n", caseNumber).query(String.class).list()).contains("geocode", "reverseGeocode");
    }

    @Test
    void offsetCoordinates_halfAPoint_andAnOverlongAddress_are400_withNothingWritten() {
        String id = filedCase("refused place 餐饮有限公司");

        StaffHttp.Answer gcj = upload(id, Map.of("lon", "115.33", "lat", "22.97", "crs", "GCJ-02"));
        StaffHttp.Answer half = upload(id, Map.of("lon", "115.33"));
        StaffHttp.Answer longAddress = upload(id, Map.of("address", "海".repeat(201)));
        StaffHttp.Answer outOfRange = upload(id, Map.of("lon", "215.33", "lat", "22.97"));

        PenaltyCaseApiIT.assertField(gcj, "crs");
        assertThat(gcj.body()).contains("GCJ-02");
        PenaltyCaseApiIT.assertField(half, "lat");
        PenaltyCaseApiIT.assertField(longAddress, "address");
        PenaltyCaseApiIT.assertField(outOfRange, "lon");
        assertThat(as("hf-officer-1").get(path(id, "")).json().path("evidence")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_evidence_location WHERE case_id = CAST(:id AS UUID)")
                .param("id", id).query(Integer.class).single()).isZero();
    }

    @Test
    void theMapDownMidFlight_leavesThePlacePending_andItsDurableRequestRecordsItOnceTheMapIsBack() throws IOException {
        String id = filedCase("pending place 餐饮有限公司");
        sandbox.simulateOutage(SandboxService.MAP);

        long start = System.nanoTime();
        StaffHttp.Answer uploaded = upload(id, Map.of("address", "陆河县河田镇人民路18号"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(location(uploaded, 0).path("state").asText()).isEqualTo("PENDING");
        assertThat(uploaded.json().path("record").findValuesAsText("type")).last().isEqualTo("EvidenceRecorded");
        String caseNumber = uploaded.json().path("summary").path("caseNumber").asText();
        // The durable request is in flight and fails while the map stays down …
        awaitLocationRequestRetried(jdbc, caseNumber);
        assertThat(location(as("hf-officer-1").get(path(id, "")), 0).path("state").asText()).isEqualTo("PENDING");

        sandbox.restore(SandboxService.MAP);

        // … and once the map is back its answer is recorded on the case, once.
        await().atMost(Duration.ofSeconds(120)).until(() -> location(as("hf-officer-1").get(path(id, "")), 0)
                .path("state").asText().equals("LOCATED"));
        StaffHttp.Answer after = as("hf-officer-1").get(path(id, ""));
        assertThat(location(after, 0).path("divisionCode").asText()).isEqualTo("441523100000");
        assertThat(location(after, 0).path("givenAddress").asText()).isEqualTo("陆河县河田镇人民路18号");
        assertThat(after.json().path("record").findValuesAsText("type")).filteredOn("EvidenceLocated"::equals)
                .hasSize(1);
        assertThat(locationRequestState(jdbc, caseNumber)).isEqualTo("DONE");

        byte[] zip = as("city-supervisor").getBytes(path(id, "casefile"));
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(zip)).problems()).isEmpty();
        assertThat(manifest(zip)).contains("\"divisionCode\" : \"441523100000\"");
    }

    /** Waits until the durable location request of {@code caseNumber} was tried and is still open. */
    static void awaitLocationRequestRetried(JdbcClient jdbc, String caseNumber) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE "
                + "operation = 'map.locate-evidence' AND case_number = :n AND attempts >= 1 AND state <> 'DONE'")
                .param("n", caseNumber).query(Integer.class).single() == 1);
    }

    /** The state of the durable location request of {@code caseNumber}. */
    static String locationRequestState(JdbcClient jdbc, String caseNumber) {
        return jdbc.sql("SELECT state FROM outbox_message WHERE operation = 'map.locate-evidence' AND "
                + "case_number = :n").param("n", caseNumber).query(String.class).single();
    }

    static String manifest(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no manifest");
    }
}
