package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.record.CanonicalForm;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier reads components of an event's canonical text; text inside a value never poses as one. */
class CanonicalFieldsTest {

    @Test
    void readsTheTopLevelComponents_notLookAlikesInsideAValue() {
        Sm3 digest = Sm3.ofUtf8("photo");
        String forged = "x\",evidenceId=\"E9\",digest=Sm3{hex=\"" + Sm3.ofUtf8("other").hex() + "\"}\n\t\u0001";
        String canonical = CanonicalForm.of(new PenaltyCaseEvent.EvidenceRecorded(UUID.randomUUID(),
                Instant.parse("2026-03-02T02:00:00Z"), new CaseNumber("SW-1"), "E1", forged, digest,
                Instant.parse("2026-03-02T01:00:00Z"), "shop {a}, [b]", List.of(new OfficerId("hf-officer-1")),
                List.of("44150001")));

        assertThat(CanonicalFields.type(canonical)).isEqualTo("EvidenceRecorded");
        assertThat(CanonicalFields.string(canonical, "evidenceId")).contains("E1");
        assertThat(CanonicalFields.sm3(canonical, "digest")).contains(digest.hex());
        assertThat(CanonicalFields.string(canonical, "description")).contains(forged);
        assertThat(CanonicalFields.string(canonical, "collectedWhere")).contains("shop {a}, [b]");
        assertThat(CanonicalFields.string(canonical, "caseNumber")).as("a record, not a string").isEmpty();
        assertThat(CanonicalFields.string(canonical, "decisionNumber")).isEmpty();
        assertThat(CanonicalFields.raw("not canonical", "evidenceId")).isEmpty();
    }
}
