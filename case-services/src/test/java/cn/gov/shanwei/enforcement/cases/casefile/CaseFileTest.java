package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A case file exported from the platform verifies offline, and every kind of tampering is named. */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:cases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class CaseFileTest {

    /** An uploaded name that tries to climb out of the folder is made harmless. */
    static final String E1 = "evidence/E1-file.._.._front.jpg";
    static final byte[] PHOTO = "photo of the shop front".getBytes(StandardCharsets.UTF_8);

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;

    byte[] zip;

    @BeforeEach
    void exported() {
        CaseFixtures.setUp(admin);
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        UUID id = cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "casefile party"))
                .summary().id();
        cases.execute(CaseFixtures.actor(admin, "hf-head"), id, null,
                new PenaltyCommand.File(LocalDate.of(2025, 6, 10)));
        cases.recordEvidence(officer, id, null, new NewEvidence("shop front", Instant.parse("2025-06-10T01:00:00Z"),
                "shop", List.of("hf-officer-2"), "../../front.jpg", "image/jpeg", PHOTO));
        zip = cases.exportCaseFile(CaseFixtures.actor(admin, "city-supervisor"), id);
    }

    @Test
    void anExportedCaseFile_verifiesOffline() throws IOException {
        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(zip));

        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(3);
        assertThat(report.files()).isEqualTo(2);
        assertThat(files(zip).keySet()).contains("manifest.json", "record/entries.jsonl", E1);
    }

    @Test
    void anEvidenceFileTakenOutWithItsManifestLines_isNamedFromTheRecord() throws IOException {
        byte[] tampered = CaseFilePackages.withoutFiles(zip, E1);

        assertThat(files(tampered)).doesNotContainKey(E1);
        assertThat(problems(tampered)).containsExactly("evidence E1: recorded in entry 3 with SM3 "
                + Sm3.of(PHOTO).hex() + ", but its file is not in the package");
    }

    @Test
    void aCaseWithNoEvidence_verifies() throws IOException {
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        UUID id = cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "no evidence party"))
                .summary().id();
        byte[] bare = cases.exportCaseFile(CaseFixtures.actor(admin, "city-supervisor"), id);

        CaseFileVerifier.Report report = CaseFileVerifier.verify(new ByteArrayInputStream(bare));

        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).as("only the record").isEqualTo(1);
    }

    @Test
    void anAlteredEvidenceFile_isNamed() throws IOException {
        byte[] tampered = rewrite(zip, Map.of(E1, b -> "photo of the shop door!".getBytes(
                StandardCharsets.UTF_8)));

        assertThat(problems(tampered)).anySatisfy(p -> assertThat(p).contains(E1).contains("altered"))
                .anySatisfy(p -> assertThat(p).contains("evidence E1: the file's SM3 digest differs from the one "
                        + "recorded in entry 3"));
    }

    @Test
    void anAlteredEntry_isNamedByItsSequence() throws IOException {
        byte[] tampered = rewrite(zip, Map.of("record/entries.jsonl", b -> new String(b, StandardCharsets.UTF_8)
                .replace("casefile party", "another party").getBytes(StandardCharsets.UTF_8)));

        assertThat(problems(tampered)).anySatisfy(p -> assertThat(p).contains("entry 1 was altered"));
    }

    @Test
    void aRemovedEntryAndAnUnlistedFile_areNamed() throws IOException {
        byte[] tampered = rewrite(zip, Map.of("record/entries.jsonl", b -> {
            String[] lines = new String(b, StandardCharsets.UTF_8).split("\n");
            return (lines[0] + "\n" + lines[1] + "\n").getBytes(StandardCharsets.UTF_8);
        }, "evidence/E9-smuggled.jpg", b -> PHOTO));

        assertThat(problems(tampered)).anySatisfy(p -> assertThat(p).contains("2 entries, the manifest says 3"))
                .anySatisfy(p -> assertThat(p).contains("evidence/E9-smuggled.jpg is in the package but not in "
                        + "the manifest"));
    }

    @Test
    void theCommandLine_saysOkOrBroken_withItsExitCode() throws IOException {
        Path good = Files.createTempFile("casefile", ".zip");
        Path bad = Files.createTempFile("casefile", ".zip");
        Files.write(good, zip);
        Files.write(bad, rewrite(zip, Map.of(E1, b -> new byte[] {1})));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(VerifyCaseFile.run(new String[] {good.toString()}, print, print)).isZero();
        assertThat(VerifyCaseFile.run(new String[] {bad.toString()}, print, print)).isEqualTo(1);
        assertThat(VerifyCaseFile.run(new String[] {}, print, print)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK SW-HF-SCJ").contains("BROKEN")
                .contains("usage: verify-casefile");
    }

    @Test
    void theCommandLine_namesWhatIsMissing_andTellsUnreadableInputFromABrokenPackage() throws IOException {
        Path stripped = Files.createTempFile("casefile", ".zip");
        Path notAZip = Files.createTempFile("casefile", ".zip");
        Path truncated = Files.createTempFile("casefile", ".zip");
        Files.write(stripped, CaseFilePackages.withoutFiles(zip, E1));
        Files.writeString(notAZip, "manifest.json: trust me");
        Files.write(truncated, java.util.Arrays.copyOf(zip, 40));
        Path absent = stripped.resolveSibling("no-such-casefile.zip");

        assertThat(cli(stripped)).startsWith("1\nBROKEN SW-HF-SCJ").endsWith(":\n  - evidence E1: recorded in entry 3 "
                + "with SM3 " + Sm3.of(PHOTO).hex() + ", but its file is not in the package\n");
        assertThat(cli(notAZip)).startsWith("2\ncannot read " + notAZip + ": not a ZIP package");
        assertThat(cli(truncated)).startsWith("2\ncannot read " + truncated + ": ");
        assertThat(cli(absent)).isEqualTo("2\ncannot read " + absent + ": no such file\n");
        assertThat(VerifyCaseFile.run(new String[] {"a.zip", "b.zip"}, System.out, System.out)).isEqualTo(2);
    }

    /** The exit code of {@code verify-casefile <zip>}, then what it printed (out, then err). */
    private static String cli(Path zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = VerifyCaseFile.run(new String[] {zip.toString()}, print, print);
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> problems(byte[] zip) throws IOException {
        return CaseFileVerifier.verify(new ByteArrayInputStream(zip)).problems();
    }

    private static Map<String, byte[]> files(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** The package with some files replaced or added (the function gets the old bytes, or null). */
    private static byte[] rewrite(byte[] zip, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
        Map<String, byte[]> files = files(zip);
        changes.forEach((name, change) -> files.put(name, change.apply(files.get(name))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
