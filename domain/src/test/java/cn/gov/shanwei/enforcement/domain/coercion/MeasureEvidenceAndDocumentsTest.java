package cn.gov.shanwei.enforcement.domain.coercion;

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

import static cn.gov.shanwei.enforcement.domain.coercion.MeasureFixture.at;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政强制措施: evidence, sealed documents and the service of the release decision")
class MeasureEvidenceAndDocumentsTest {

    private static final Sm3 PHOTO = Sm3.ofUtf8("photo of the sealed barrels");

    @Test
    @DisplayName("Evidence taken by two certified officers is recorded with its digest, and survives replay")
    void evidenceByTwoOfficers() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        f.ok(f.m.recordEvidence(f.ctx(), "E1", "封存照片", PHOTO, at("2025-03-03T09:50"), "仓库", List.of(CHEN, LIN)));

        CoerciveMeasureEvent.EvidenceRecorded e = f.m.evidence().get(0);
        assertThat(e.digest()).isEqualTo(PHOTO);
        assertThat(e.certificateNumbers()).containsExactly(CHEN.certificate().number(), LIN.certificate().number());
        assertThat(CanonicalForm.of(e)).startsWith("EvidenceRecorded{").contains("evidenceId=\"E1\"")
                .contains("digest=Sm3{hex=\"" + PHOTO.hex() + "\"}");
        assertThat(CoerciveMeasure.replay(f.m.history()).evidence()).containsExactly(e);
    }

    @Test
    @DisplayName("Where 粤政图 placed evidence is recorded once, for evidence of the measure, at any stage, and survives "
            + "replay")
    void evidenceLocation() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        EvidenceLocation place = new EvidenceLocation("海城镇红城大道西168号", null,
                new GeoPosition(115.324, 22.97), "广东省汕尾市海丰县海城镇红城大道西168号", "441521100000", "ADDRESS",
                Instant.parse("2025-03-03T02:00:00Z"), false);
        assertThat(f.attempt(m -> m.recordEvidenceLocation(f.ctx(), "E1", place))).isEqualTo("no evidence E1 in "
                + "this measure");
        f.ok(f.m.recordEvidence(f.ctx(), "E1", "封存照片", PHOTO, at("2025-03-03T09:50"), "仓库", List.of(CHEN, LIN)));
        f.on("2025-03-10").ok(f.m.release(f.ctx(), f.today(), ReleaseGround.NO_VIOLATION, "检验合格"));

        f.ok(f.m.recordEvidenceLocation(f.ctx(), "E1", place));

        assertThat(f.attempt(m -> m.recordEvidenceLocation(f.ctx(), "E1", place)))
                .isEqualTo("evidence E1 is already located");
        assertThat(f.m.history().get(f.m.history().size() - 1))
                .isInstanceOf(CoerciveMeasureEvent.EvidenceLocated.class);
        assertThat(CoerciveMeasure.replay(f.m.history()).evidenceLocations()).containsExactly(Map.entry("E1", place));
    }

    @Test
    @DisplayName("Evidence needs two certified officers, a time not in the future and an id not used before")
    void evidenceRefusals() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        assertThat(f.attempt(m -> m.recordEvidence(f.ctx(), "E1", "x", PHOTO, f.now(), "仓库", List.of(CHEN))))
                .contains("at least two officers", "行政强制法 art. 18(2)");
        assertThat(f.attempt(m -> m.recordEvidence(f.ctx(), "E1", "x", PHOTO, f.now(), "仓库",
                List.of(CHEN, HUANG_EXPIRED)))).isNotBlank();
        assertThat(f.attempt(m -> m.recordEvidence(f.ctx(), "E1", "x", PHOTO, at("2025-03-03T11:00"), "仓库",
                List.of(CHEN, LIN)))).isNotBlank();
        f.ok(f.m.recordEvidence(f.ctx(), "E1", "x", PHOTO, f.now(), "仓库", List.of(CHEN, LIN)));
        assertThat(f.attempt(m -> m.recordEvidence(f.ctx(), "E1", "y", PHOTO, f.now(), "仓库", List.of(CHEN, LIN))))
                .isEqualTo("evidence E1 is already recorded");
    }

    @Test
    @DisplayName("The decision may be recorded as sealed at once; the extension and release decisions only after "
            + "the extension and the release")
    void sealedDocuments() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        f.ok(f.m.recordDocumentSealed(f.ctx(), DocumentKind.MEASURE_DECISION, "海市监强〔2025〕1号", PHOTO, "SEAL-1",
                "VALID"));
        assertThat(f.attempt(m -> m.recordDocumentSealed(f.ctx(), DocumentKind.RELEASE_DECISION, "R", PHOTO, "S",
                "VALID"))).contains("has not been released");
        assertThat(f.attempt(m -> m.recordDocumentSealed(f.ctx(), DocumentKind.INSPECTION_RECORD, "R", PHOTO, "S",
                "VALID"))).contains("no inspection record");

        assertThat(f.attempt(m -> m.recordDocumentSealed(f.ctx(), DocumentKind.EXTENSION_DECISION, "X", PHOTO, "S",
                "VALID"))).contains("has not been extended");

        f.on("2025-03-05").ok(f.m.extend(f.ctx(), 10, f.approvedNow(), "案情复杂", f.today()));
        f.ok(f.m.recordDocumentSealed(f.ctx(), DocumentKind.EXTENSION_DECISION, "X", PHOTO, "S", "VALID"));
        f.on("2025-03-10").ok(f.m.release(f.ctx(), f.today(), ReleaseGround.NO_VIOLATION, "检验合格"));
        f.ok(f.m.recordDocumentSealed(f.ctx(), DocumentKind.RELEASE_DECISION, "R", PHOTO, "S", "VALID"));

        assertThat(f.m.sealedDocuments()).extracting(CoerciveMeasureEvent.DocumentSealed::kind)
                .containsExactly(DocumentKind.MEASURE_DECISION, DocumentKind.EXTENSION_DECISION,
                        DocumentKind.RELEASE_DECISION);
        assertThat(f.m.release()).get().extracting(CoerciveMeasureEvent.MeasureReleased::ground)
                .isEqualTo(ReleaseGround.NO_VIOLATION);
    }

    @Test
    @DisplayName("The release decision is served once, after the release, never while the measure is in force")
    void releaseService() {
        MeasureFixture f = new MeasureFixture("2025-03-03T10:00").seized();
        assertThat(f.attempt(m -> m.serveReleaseDecision(f.ctx(), f.today(), "直接送达", "店主")))
                .isEqualTo("cannot serve the release decision while the measure is in force");

        f.on("2025-03-10").ok(f.m.release(f.ctx(), f.today(), ReleaseGround.NO_VIOLATION, "检验合格"));
        assertThat(f.attempt(m -> m.serveReleaseDecision(f.ctx(), f.today().minusDays(1), "直接送达", "店主")))
                .contains("before the release on 2025-03-10");
        f.ok(f.m.serveReleaseDecision(f.ctx(), f.today(), "直接送达", "店主"));
        assertThat(f.m.releaseServedOn()).contains(f.today());
        assertThat(f.attempt(m -> m.serveReleaseDecision(f.ctx(), f.today(), "直接送达", "店主")))
                .isEqualTo("the release decision was served on 2025-03-10");
    }
}
