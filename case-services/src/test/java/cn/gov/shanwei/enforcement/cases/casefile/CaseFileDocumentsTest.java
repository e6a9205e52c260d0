package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.record.CanonicalForm;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed documents in the case file (卷宗): each is bound to the DecisionSealed entry of the chained record that
 * holds its SM3, and the document checks (the hub's seal verifier, in the jar) run on it; every mismatch is named.
 */
class CaseFileDocumentsTest {

    static final CaseNumber NUMBER = new CaseNumber("SW-HF-SCJ〔2026〕3号");
    static final byte[] OFD = "the sealed OFD bytes".getBytes(StandardCharsets.UTF_8);
    static final String DECISION = "海市监罚〔2026〕3号";

    /** A record of two entries: a decision and the seal of its document whose SM3 is {@code sealedDigest}. */
    private static List<CaseFileExporter.Link> record(Sm3 sealedDigest) {
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        List<PenaltyCaseEvent> events = List.of(
                new PenaltyCaseEvent.PenaltyDecided(UUID.randomUUID(), at, NUMBER, LocalDate.of(2026, 3, 2), DECISION,
                        cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind.FINE, 200_000, "minor"),
                new PenaltyCaseEvent.DecisionSealed(UUID.randomUUID(), at, NUMBER, DECISION, sealedDigest,
                        "SEAL-HFSCJG-001", "SEAL-HFSCJG-001: passed SIGNATURE"));
        List<CaseFileExporter.Link> links = new ArrayList<>();
        Sm3 previous = ChainedEntry.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            ChainedEntry entry = ChainedEntry.link(i + 1, CanonicalForm.of(events.get(i)), previous);
            links.add(new CaseFileExporter.Link(entry, events.get(i).getClass().getSimpleName(), at));
            previous = entry.hash();
        }
        return links;
    }

    private static byte[] export(List<CaseFileExporter.Link> links, byte[] ofd, long entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaseFileExporter.write("case-1", NUMBER.value(), "hf-head", Instant.parse("2026-03-03T00:00:00Z"), links,
                List.of(), List.of(new CaseFileExporter.Document(DECISION, ofd, "{\"signatures\":[]}", entry)), out);
        return out.toByteArray();
    }

    private static List<String> problems(byte[] zip, List<CaseFileVerifier.DocumentCheck> checks) throws IOException {
        return CaseFileVerifier.verify(new ByteArrayInputStream(zip), checks).problems();
    }

    @Test
    void aSealedDocumentBoundToItsEntry_verifies_andGoesThroughTheDocumentChecks() throws IOException {
        List<String> checked = new ArrayList<>();
        byte[] zip = export(record(Sm3.of(OFD)), OFD, 2);

        List<String> problems = problems(zip, List.of((name, ofd) -> {
            checked.add(name + " " + ofd.length);
            return List.of();
        }));

        assertThat(problems).isEmpty();
        assertThat(checked).containsExactly(DECISION + " " + OFD.length);
    }

    @Test
    void aDocumentOtherThanTheOneSealed_isNamed() throws IOException {
        byte[] other = "another document".getBytes(StandardCharsets.UTF_8);
        // Exported consistently (manifest digests match), but not the document whose seal the record holds.
        byte[] zip = export(record(Sm3.of(OFD)), other, 2);

        assertThat(problems(zip, List.of())).singleElement().satisfies(p -> assertThat(p)
                .contains("document " + DECISION).contains("differs from the one recorded in entry 2"));
    }

    @Test
    void aSealedDocumentTakenOutWithItsManifestLines_isNamedFromTheRecord() throws IOException {
        String base = "documents/1-" + CaseFileExporter.safe(DECISION);
        byte[] zip = CaseFilePackages.withoutFiles(export(record(Sm3.of(OFD)), OFD, 2), base + ".ofd",
                base + ".verification.json");

        assertThat(problems(zip, List.of())).containsExactly("document " + DECISION + ": sealed in entry 2 with SM3 "
                + Sm3.of(OFD).hex() + ", but the sealed document is not in the package");
    }

    @Test
    void aDocumentPointingAtAnotherEntry_orNone_isNamed() throws IOException {
        assertThat(problems(export(record(Sm3.of(OFD)), OFD, 1), List.of()))
                .anySatisfy(p -> assertThat(p).contains("entry 1 does not record a sealed document"));
        assertThat(problems(export(record(Sm3.of(OFD)), OFD, 0), List.of()))
                .anySatisfy(p -> assertThat(p).contains("points at entry 0, which does not exist"));
    }

    @Test
    void whatADocumentCheckFinds_isNamedWithTheDocument() throws IOException {
        byte[] zip = export(record(Sm3.of(OFD)), OFD, 2);

        assertThat(problems(zip, List.of((name, ofd) -> List.of("seal SEAL-X fails TRUST: unknown CA"))))
                .containsExactly("document " + DECISION + ": seal SEAL-X fails TRUST: unknown CA");
    }
}
