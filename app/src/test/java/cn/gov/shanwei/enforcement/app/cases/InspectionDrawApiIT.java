package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.procedure.draw.DrawRecord;
import cn.gov.shanwei.enforcement.cases.procedure.draw.RepeatDraw;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 双随机 over HTTP (ADR 0106, 0516): the 检查对象名录库 imported through the supervision platform, a draw that records
 * seed, algorithm and inputs and plans one inspection per object with its drawn inspectors, its published record
 * repeated offline by {@code repeat-draw} and online by the hub, and bad draws answered as problems with nothing
 * written.
 */
class InspectionDrawApiIT extends StaffApiTestBase {

    static final String DRAWS = "/api/v1/cases/inspection-draws";

    @TempDir
    Path dir;

    private static Map<String, Object> drawBody(int count, String seed) {
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", INSPECTION_ITEM, "plannedOn", today().toString(),
                "entityCount", count));
        if (seed != null) {
            body.put("seed", seed);
        }
        return body;
    }

    @Test
    void aDrawPlansItsInspections_andAnyoneWhoMayReadItCanRepeatIt() throws IOException {
        List<String> objects = IntStream.range(0, 5).mapToObj(n -> freshUscc()).toList();
        listInspectionObjects(LF, objects);
        String seed = today() + " 陆丰市市场监管局公开摇号 " + objects.get(0).substring(10);

        StaffHttp.Answer drawn = as("lf-officer-1").post(DRAWS, drawBody(2, seed));

        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        JsonNode draw = drawn.json();
        assertThat(draw.path("drawId").asText()).startsWith(LF + "随〔");
        assertThat(draw.path("algorithm").asText()).isEqualTo("SM3-FisherYates-v1");
        assertThat(draw.path("seed").asText()).isEqualTo(seed);
        assertThat(draw.path("inspectorsPerEntity").asInt()).isEqualTo(2);
        assertThat(draw.path("drawn")).hasSize(2);
        String id = draw.path("id").asText();

        StaffHttp.Answer record = as("lf-head").get(DRAWS + "/" + id + "/record");
        assertThat(record.status()).isEqualTo(200);
        DrawRecord published = DrawRecord.read(new ByteArrayInputStream(record.body()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(published.entityPool()).containsAll(objects);
        assertThat(published.entityPoolDigest()).isEqualTo(draw.path("entityPoolDigest").asText());
        assertThat(published.assignments()).extracting(DrawRecord.Assignment::entityId)
                .containsExactlyElementsOf(draw.path("drawn").findValuesAsText("entityId"));
        assertThat(repeatOffline(record.body())).startsWith("REPRODUCED " + draw.path("drawId").asText());
        JsonNode repetition = as("city-supervisor").get(DRAWS + "/" + id + "/repetition").json();
        assertThat(repetition.path("reproduced").asBoolean()).as(repetition.toString()).isTrue();
        assertThat(repetition.path("assignments").findValuesAsText("entityId"))
                .isEqualTo(draw.path("drawn").findValuesAsText("entityId"));

        for (JsonNode d : draw.path("drawn")) {
            String inspection = "/api/v1/cases/inspections/" + d.path("inspectionId").asText();
            JsonNode planned = as("lf-officer-1").get(inspection).json();
            assertThat(planned.path("summary").path("kind").asText()).isEqualTo("RANDOM_DRAW");
            assertThat(planned.path("summary").path("caseNumber").asText()).isEqualTo(d.path("caseNumber").asText());
            assertThat(planned.path("particulars").path("inspectors").toString()).contains("lf-officer-1",
                    "lf-officer-2");
        }
        String first = "/api/v1/cases/inspections/" + draw.path("drawn").get(0).path("inspectionId").asText();
        assertThat(as("lf-head").post(first + "/approval", Map.of("opinion", "同意")).status()).isEqualTo(200);
        StaffHttp.Answer visited = as("lf-officer-1").post(first + "/on-site", Map.of("inspectedAt",
                Instant.now().toString(), "coOfficerIds", List.of("lf-officer-2"), "findings", "无异常",
                "onSite", Map.of("presence", "SIGNED", "recordSm3", "f".repeat(64))));
        assertThat(visited.status()).as("the drawn inspectors carry it out: " + visited.body()).isEqualTo(200);

        assertThat(as("lf-officer-1").get(DRAWS + "?itemCode=" + INSPECTION_ITEM).json().path("items")
                .findValuesAsText("id")).contains(id);
        StaffHttp.Answer foreign = as("hf-supervisor").get(DRAWS + "/" + id);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(seed).doesNotContain(objects.get(0));
        assertThat(as("hf-officer-1").get(DRAWS + "/" + id + "/repetition").status()).isEqualTo(403);
        assertThat(as("hf-officer-1").get(DRAWS).json().path("items").findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void badDraws_areProblemsWithFieldErrors_andWriteNothing() {
        listInspectionObjects(LF, List.of(freshUscc(), freshUscc()));
        long before = as("lf-officer-1").get(DRAWS).json().path("total").asLong();

        Map<String, Object> unknown = new HashMap<>(drawBody(1, "s"));
        unknown.put("entities", 1);
        assertField(as("lf-officer-1").post(DRAWS, unknown), "entities", "not a field");
        assertField(as("lf-officer-1").post(DRAWS, drawBody(0, "s")), "entityCount", "");
        Map<String, Object> one = new HashMap<>(drawBody(1, "s"));
        one.put("inspectorsPerEntity", 1);
        assertField(as("lf-officer-1").post(DRAWS, one), "inspectorsPerEntity", "");
        Map<String, Object> three = new HashMap<>(drawBody(1, "s"));
        three.put("inspectorsPerEntity", 3);
        StaffHttp.Answer tooFewOfficers = as("lf-officer-1").post(DRAWS, three);
        assertThat(tooFewOfficers.status()).isEqualTo(409);
        assertThat(tooFewOfficers.json().path("detail").asText()).contains("only 2 officer(s)");
        assertField(as("lf-officer-1").post(DRAWS, drawBody(10_000, "s")), "entityCount", "cannot draw");
        Map<String, Object> penaltyMatter = new HashMap<>(drawBody(1, "s"));
        penaltyMatter.put("itemCode", MATTER);
        assertField(as("lf-officer-1").post(DRAWS, penaltyMatter), "itemCode", "");
        Map<String, Object> noDay = new HashMap<>(drawBody(1, "s"));
        noDay.remove("plannedOn");
        assertField(as("lf-officer-1").post(DRAWS, noDay), "plannedOn", "");
        assertField(as("lf-officer-1").post(DRAWS, drawBody(1, "s".repeat(201))), "seed", "");
        assertThat(as("lf-head").post(DRAWS, drawBody(1, "s")).status()).isEqualTo(403);
        assertThat(as("lf-officer-1").get(DRAWS + "/not-a-uuid").status()).isEqualTo(400);
        assertThat(as("lf-officer-1").get(DRAWS + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(403);

        assertThat(as("lf-officer-1").get(DRAWS).json().path("total").asLong()).isEqualTo(before);
    }

    private String repeatOffline(String record) throws IOException {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, record);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RepeatDraw.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        return printed;
    }

    private static void assertField(StaffHttp.Answer a, String field, String message) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().path("errors").toString()).as(a.body()).contains("\"" + field + "\"").contains(message);
    }
}
