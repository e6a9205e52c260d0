package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.record.CanonicalForm;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政检查: evidence and the sealed on-site inspection record")
class InspectionEvidenceAndDocumentsTest {

    private static final Sm3 PHOTO = Sm3.ofUtf8("photo of the storage room");

    @Test
    @DisplayName("Evidence is recorded once the inspection was carried out, by two certified inspectors")
    void evidenceAfterTheVisit() {
        InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved();
        assertThat(f.attempt(i -> i.recordEvidence(f.ctx(), "E1", "仓库照片", PHOTO, f.now(), "仓库",
                List.of(LIN, XU)))).isEqualTo("cannot record evidence while the inspection is planned, not yet carried out");

        f.inspected().ok(f.i.recordEvidence(f.ctx(), "E1", "仓库照片", PHOTO, f.now(), "仓库", List.of(LIN, XU)));

        assertThat(f.attempt(i -> i.recordEvidence(f.ctx(), "E2", "x", PHOTO, f.now(), "仓库", List.of(LIN))))
                .contains("at least two officers");
        assertThat(f.attempt(i -> i.recordEvidence(f.ctx(), "E2", "x", PHOTO, f.now(), "仓库",
                List.of(LIN, WU_OTHER_SUBJECT)))).contains("does not belong");
        assertThat(f.attempt(i -> i.recordEvidence(f.ctx(), "E1", "x", PHOTO, f.now(), "仓库", List.of(LIN, XU))))
                .isEqualTo("evidence E1 is already recorded");
        InspectionEvent.EvidenceRecorded e = f.i.evidence().get(0);
        assertThat(CanonicalForm.of(e)).startsWith("EvidenceRecorded{").contains("digest=Sm3{hex=\"" + PHOTO.hex());
        assertThat(Inspection.replay(f.i.history()).evidence()).containsExactly(e);
    }

    @Test
    @DisplayName("Where 粤政图 placed evidence is recorded once, for evidence of the inspection, and survives replay")
    void evidenceLocation() {
        InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved().inspected();
        EvidenceLocation place = new EvidenceLocation("海城镇红城大道西168号", null,
                new GeoPosition(115.324, 22.97), "广东省汕尾市海丰县海城镇红城大道西168号", "441521100000", "ADDRESS",
                Instant.parse("2025-03-03T02:00:00Z"), false);
        assertThat(f.attempt(i -> i.recordEvidenceLocation(f.ctx(), "E1", place))).isEqualTo("no evidence E1 in "
                + "this inspection");
        f.ok(f.i.recordEvidence(f.ctx(), "E1", "仓库照片", PHOTO, f.now(), "仓库", List.of(LIN, XU)));

        f.ok(f.i.recordEvidenceLocation(f.ctx(), "E1", place));

        assertThat(f.attempt(i -> i.recordEvidenceLocation(f.ctx(), "E1", place)))
                .isEqualTo("evidence E1 is already located");
        assertThat(Inspection.replay(f.i.history()).evidenceLocations()).containsExactly(Map.entry("E1", place));
    }

    @Test
    @DisplayName("Only the inspection record of an inspection carried out can be recorded as sealed")
    void sealedRecord() {
        InspectionFixture f = new InspectionFixture("2025-03-03").planned().approved();
        assertThat(f.attempt(i -> i.recordDocumentSealed(f.ctx(), DocumentKind.INSPECTION_RECORD, "N", PHOTO, "S",
                "VALID"))).contains("has not been carried out");
        f.inspected();
        assertThat(f.attempt(i -> i.recordDocumentSealed(f.ctx(), DocumentKind.MEASURE_DECISION, "N", PHOTO, "S",
                "VALID"))).contains("no 查封、扣押、冻结决定书");

        f.ok(f.i.recordDocumentSealed(f.ctx(), DocumentKind.INSPECTION_RECORD, "N", PHOTO, "S", "VALID"));

        assertThat(f.i.sealedDocuments()).hasSize(1);
        assertThat(f.i.carriedOut()).get().extracting(InspectionEvent.InspectionCarriedOut::findings)
                .isEqualTo("索证索票不全");
        assertThat(f.i.stage()).as("sealing changes no stage").isEqualTo(InspectionStage.INSPECTED);
    }
}
