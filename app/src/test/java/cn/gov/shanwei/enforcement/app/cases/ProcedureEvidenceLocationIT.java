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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence of coercive measures and inspections placed on 粤政图 like a penalty case's (issue 7, ADR 0513), through
 * the whole hub against the province sandbox: at upload through the map port, offset coordinates refused with nothing
 * written, and with the map down the place pending until the durable {@code map.locate-evidence} request records it
 * on the procedure; the case file lists the place and verifies offline.
 */
class ProcedureEvidenceLocationIT extends StaffApiTestBase {

    static final String MEASURES = "/api/v1/cases/coercive-measures/";
    static final String INSPECTIONS = "/api/v1/cases/inspections/";
    static final byte[] PHOTO = "photo of the seized barrels".getBytes(StandardCharsets.UTF_8);

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

    private String measure(String party) {
        return MEASURES + created("hf-officer-1", "/api/v1/cases/coercive-measures", measureBody("441521",
                party + " " + UUID.randomUUID(), "hf-officer-2", "hf-head"));
    }

    private StaffHttp.Answer upload(String path, Map<String, Object> place) {
        Map<String, Object> fields = new HashMap<>(Map.of("description", "扣押现场照片", "collectedAt",
                Instant.now().minusSeconds(60).toString(), "where", "海城镇二马路仓库", "coOfficerIds",
                List.of("hf-officer-2")));
        fields.putAll(place);
        return as("hf-officer-1").multipart(path + "/evidence", fields, "barrels.jpg", PHOTO, null);
    }

    private static JsonNode location(StaffHttp.Answer answer, int index) {
        return answer.json().path("evidence").get(index).path("location");
    }

    @Test
    void aMeasuresAndAnInspectionsEvidence_arePlacedAtUpload_andTheCaseFileListsThePlace() throws IOException {
        String measure = measure("located measure");
        StaffHttp.Answer byAddress = upload(measure, Map.of("address", "海丰县海城镇红城大道西168号"));

        assertThat(byAddress.status()).as(byAddress.body()).isEqualTo(201);
        JsonNode placed = location(byAddress, 0);
        assertThat(placed.path("state").asText()).isEqualTo("LOCATED");
        assertThat(placed.path("divisionCode").asText()).isEqualTo("441521100000");
        assertThat(placed.path("matchedAddress").asText()).isEqualTo("广东省汕尾市海丰县海城镇红城大道西168号");
        assertThat(placed.path("crs").asText()).isEqualTo("EPSG:4490");
        assertThat(byAddress.json().path("record").findValuesAsText("type"))
                .containsSubsequence("EvidenceRecorded", "EvidenceLocated");
        assertThat(location(as("hf-supervisor").get(measure), 0).path("divisionCode").asText())
                .isEqualTo("441521100000");

        String inspection = INSPECTIONS + created("hf-officer-1", "/api/v1/cases/inspections", inspectionBody(
                "441521", "located shop " + UUID.randomUUID(), "hf-officer-1", "hf-officer-2"));
        assertThat(as("hf-head").post(inspection + "/approval", Map.of("opinion", "同意")).status()).isEqualTo(200);
        assertThat(as("hf-officer-1").post(inspection + "/on-site", Map.of("inspectedAt", Instant.now().toString(),
                "coOfficerIds", List.of("hf-officer-2"), "findings", "仓库温度超标", "onSite", Map.of("presence",
                        "SIGNED", "recordSm3", "e".repeat(64)))).status()).isEqualTo(200);
        StaffHttp.Answer byPoint = upload(inspection, Map.of("lon", "115.3301", "lat", "22.9719", "crs",
                "CGCS2000"));

        assertThat(byPoint.status()).as(byPoint.body()).isEqualTo(201);
        assertThat(location(byPoint, 0).path("state").asText()).isEqualTo("LOCATED");
        assertThat(location(byPoint, 0).path("precision").asText()).isEqualTo("POINT");
        assertThat(location(byPoint, 0).path("point").path("lon").asDouble()).isEqualTo(115.3301);
        for (String path : List.of(measure, inspection)) {
            byte[] zip = as("hf-supervisor").getBytes(path + "/casefile");
            assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(zip), List.of()).problems()).isEmpty();
            assertThat(EvidenceLocationIT.manifest(zip)).contains("\"divisionCode\" : \"441521100000\"");
        }
        String caseNumber = byAddress.json().path("summary").path("caseNumber").asText();
        assertThat(jdbc.sql("SELECT operation FROM provider_call WHERE case_number = :n AND provider = 'map'")
                .param("n", caseNumber).query(String.class).list()).contains("geocode");
    }

    @Test
    void offsetCoordinates_are400_withNothingWritten() {
        String measure = measure("refused place");

        StaffHttp.Answer gcj = upload(measure, Map.of("lon", "115.33", "lat", "22.97", "crs", "GCJ-02"));

        PenaltyCaseApiIT.assertField(gcj, "crs");
        assertThat(as("hf-officer-1").get(measure).json().path("evidence")).isEmpty();
        String id = measure.substring(MEASURES.length());
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_evidence_location WHERE case_id = CAST(:id AS UUID)")
                .param("id", id).query(Integer.class).single()).isZero();
    }

    @Test
    void theMapDown_leavesTheMeasuresEvidencePending_andItsDurableRequestRecordsItOnceTheMapIsBack()
            throws IOException {
        String measure = measure("pending place");
        // An address no test asked for before: the hub's cache answers what the map answered once, even while down.
        String address = "陆河县河田镇人民路" + (100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900)) + "号";
        sandbox.simulateOutage(SandboxService.MAP);

        long start = System.nanoTime();
        StaffHttp.Answer uploaded = upload(measure, Map.of("address", address));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(location(uploaded, 0).path("state").asText()).isEqualTo("PENDING");
        assertThat(uploaded.json().path("record").findValuesAsText("type")).doesNotContain("EvidenceLocated");
        String caseNumber = uploaded.json().path("summary").path("caseNumber").asText();
        EvidenceLocationIT.awaitLocationRequestRetried(jdbc, caseNumber);
        assertThat(location(as("hf-officer-1").get(measure), 0).path("state").asText()).isEqualTo("PENDING");

        sandbox.restore(SandboxService.MAP);

        await().atMost(Duration.ofSeconds(120)).until(() -> location(as("hf-officer-1").get(measure), 0)
                .path("state").asText().equals("LOCATED"));
        StaffHttp.Answer after = as("hf-officer-1").get(measure);
        assertThat(location(after, 0).path("divisionCode").asText()).isEqualTo("441523100000");
        assertThat(location(after, 0).path("givenAddress").asText()).isEqualTo(address);
        assertThat(after.json().path("record").findValuesAsText("type")).filteredOn("EvidenceLocated"::equals)
                .hasSize(1);
        assertThat(EvidenceLocationIT.locationRequestState(jdbc, caseNumber)).isEqualTo("DONE");
        byte[] zip = as("hf-supervisor").getBytes(measure + "/casefile");
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(zip), List.of()).problems()).isEmpty();
        assertThat(EvidenceLocationIT.manifest(zip)).contains("\"divisionCode\" : \"441523100000\"");
    }
}
