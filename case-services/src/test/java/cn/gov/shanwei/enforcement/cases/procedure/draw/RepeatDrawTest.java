package cn.gov.shanwei.enforcement.cases.procedure.draw;

import cn.gov.shanwei.enforcement.domain.inspection.SpotCheckDraw;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatDrawTest {

    static final DrawRecord PUBLISHED = DrawRecord.of(SpotCheckDraw.draw("SW-HF-SCJ随〔2026〕1号", "公开摇号 7391",
            IntStream.range(0, 8).mapToObj(n -> "9144152100000000" + n + "X").toList(), 3,
            List.of(new OfficerId("o-chen"), new OfficerId("o-lin"), new OfficerId("o-xu")), 2));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] file) throws IOException {
        Path path = dir.resolve("draw.json");
        Files.write(path, file);
        return RepeatDraw.run(new String[] {path.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_whenThePublishedRecordRepeats_printsTheAssignmentsAndExitsZero() throws IOException {
        assertThat(run(PUBLISHED.json())).isZero();
        assertThat(printed()).startsWith("REPRODUCED SW-HF-SCJ随〔2026〕1号 (SM3-FisherYates-v1, seed 公开摇号 7391): 3 of 8")
                .contains("1. " + PUBLISHED.assignments().get(0).entityId() + " <- ");
    }

    @Test
    void run_whenTheResultWasChanged_namesTheDifferenceAndExitsOne() throws IOException {
        List<DrawRecord.Assignment> swapped = List.of(PUBLISHED.assignments().get(1), PUBLISHED.assignments().get(0),
                PUBLISHED.assignments().get(2));
        DrawRecord forged = new DrawRecord(PUBLISHED.format(), PUBLISHED.drawId(), PUBLISHED.algorithm(),
                PUBLISHED.seed(), PUBLISHED.entityPool(), PUBLISHED.entityPoolDigest(), PUBLISHED.inspectorPool(),
                PUBLISHED.inspectorsPerEntity(), swapped);

        assertThat(run(forged.json())).isEqualTo(1);
        assertThat(printed()).startsWith("NOT REPRODUCED").contains("not the recorded");
    }

    @Test
    void run_whenThePoolWasChangedAfterTheDraw_saysItNoLongerMatchesItsDigest() throws IOException {
        List<String> pool = new java.util.ArrayList<>(PUBLISHED.entityPool());
        pool.set(7, "91441521000000009X");
        DrawRecord forged = new DrawRecord(PUBLISHED.format(), PUBLISHED.drawId(), PUBLISHED.algorithm(),
                PUBLISHED.seed(), pool, PUBLISHED.entityPoolDigest(), PUBLISHED.inspectorPool(),
                PUBLISHED.inspectorsPerEntity(), PUBLISHED.assignments());

        assertThat(run(forged.json())).isEqualTo(1);
        assertThat(printed()).contains("the entity pool does not match its recorded digest");
    }

    @Test
    void run_whenTheFileIsNotADrawRecord_exitsOneOrTwo() throws IOException {
        assertThat(run("{\"format\":\"something-else\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(printed()).contains("not shanwei-inspection-draw/1");
        assertThat(run("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(RepeatDraw.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }
}
