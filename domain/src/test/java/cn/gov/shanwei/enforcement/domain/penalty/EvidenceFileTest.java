package cn.gov.shanwei.enforcement.domain.penalty;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The evidence file shared by a penalty case, a coercive measure and an inspection")
class EvidenceFileTest {

    /** Stands for an aggregate's EvidenceRecorded event. */
    private record Recorded(String evidenceId) { }

    private static final EvidenceLocation PLACE = new EvidenceLocation("海城镇红城大道西168号", null, null, null, null,
            null, Instant.parse("2025-03-03T02:00:00Z"), false);

    private final EvidenceFile<Recorded> file = new EvidenceFile<>("this measure", Recorded::evidenceId);

    @Test
    @DisplayName("An evidence id is recorded once; the refusal names it")
    void recordedOnce() {
        assertThat(file.isEmpty()).isTrue();
        assertThat(file.recordingRefusal("E1")).isEmpty();
        file.add(new Recorded("E1"));

        assertThat(file.isEmpty()).isFalse();
        assertThat(file.recordingRefusal("E1")).contains("evidence E1 is already recorded");
        assertThat(file.recordingRefusal("E2")).isEmpty();
    }

    @Test
    @DisplayName("A place is recorded only for recorded evidence, and once; the refusal names the aggregate")
    void locatedOnceAfterRecording() {
        assertThat(file.locatingRefusal("E1")).contains("no evidence E1 in this measure");
        file.add(new Recorded("E1"));
        assertThat(file.locatingRefusal("E1")).isEmpty();

        file.locate("E1", PLACE);

        assertThat(file.locatingRefusal("E1")).contains("evidence E1 is already located");
        assertThat(file.locations()).containsExactly(Map.entry("E1", PLACE));
    }

    @Test
    @DisplayName("What it gives out is a snapshot in recording order that cannot change the file")
    void snapshots() {
        file.add(new Recorded("E2"));
        file.add(new Recorded("E1"));
        List<Recorded> before = file.recorded();
        Map<String, EvidenceLocation> placesBefore = file.locations();

        file.add(new Recorded("E3"));
        file.locate("E1", PLACE);

        assertThat(before).extracting(Recorded::evidenceId).containsExactly("E2", "E1");
        assertThat(placesBefore).isEmpty();
        assertThat(file.recorded()).extracting(Recorded::evidenceId).containsExactly("E2", "E1", "E3");
        assertThatThrownBy(() -> file.recorded().add(new Recorded("E4")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
