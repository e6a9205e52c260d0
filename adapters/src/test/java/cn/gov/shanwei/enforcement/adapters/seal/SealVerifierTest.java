package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport.SignatureReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v4.SESeal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Local GB/T 38540 verification: a good seal, a tampered document, an expired seal, an untrusted or swapped cert. */
class SealVerifierTest {

    private static final String UNIT = TestSeals.UNIT;
    private static TestSeals ca;
    private static byte[] decision;
    private static SESeal seal;
    private static SealVerifier verifier;

    @BeforeAll
    static void setUp() {
        ca = new TestSeals("Shanwei Test Seal CA (TEST - NOT LEGALLY VALID)");
        decision = DecisionOfdWriter.write(TestSeals.DECISION);
        seal = ca.unitSeal("SEAL-SWSCJG-001");
        verifier = ca.anchoredVerifier();
    }

    private static SignatureReport only(SealVerificationReport report) {
        assertThat(report.problem()).isNull();
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    private static Status status(SignatureReport report, Name name) {
        return report.check(name).orElseThrow().status();
    }

    @Test
    void decision_isAnOfdWithTheChineseText() throws Exception {
        String content = entries(decision).stream().filter(e -> e.name.endsWith("Content.xml"))
                .map(e -> new String(e.bytes, StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(content).contains("行政处罚决定书", "汕市监罚〔2025〕12号", "汕尾市城区海滨餐饮有限公司", "2025年4月20日");
    }

    @Test
    void goodSeal_passesEveryCheck_andMatchesTheCollectingUnit() {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer);

        SealVerificationReport report = verifier.verify(sealed, UNIT);

        SignatureReport signature = only(report);
        assertThat(report.valid()).isTrue();
        assertThat(signature.esId()).isEqualTo("SEAL-SWSCJG-001");
        assertThat(signature.sealName()).isEqualTo("汕尾市市场监督管理局行政处罚专用章");
        assertThat(signature.checks()).extracting(SealCheck::name).containsExactly(Name.PARSE, Name.DOCUMENT_DIGEST,
                Name.SIGNATURE, Name.SEAL_SIGNATURE, Name.SEAL_VALIDITY, Name.SIGNER_IN_SEAL_CERT_LIST, Name.TRUST,
                Name.REVOCATION, Name.TIMESTAMP, Name.SEAL_ENTITY);
        assertThat(signature.checks()).allSatisfy(c -> assertThat(c.status()).isIn(Status.PASSED, Status.NOT_PRESENT));
        assertThat(status(signature, Name.TIMESTAMP)).isEqualTo(Status.NOT_PRESENT);
    }

    @Test
    void sealOfAnotherUnit_failsTheEntityCheck() {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer);
        SignatureReport signature = only(verifier.verify(sealed, "海丰县市场监督管理局"));
        assertThat(status(signature, Name.SEAL_ENTITY)).isEqualTo(Status.FAILED);
        assertThat(status(signature, Name.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void tamperedDocument_failsTheDocumentDigest() throws Exception {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer);
        byte[] tampered = rewrite(sealed, "Content.xml", text -> text.replace("伍万元", "伍仟元"));

        SignatureReport signature = only(verifier.verify(tampered, UNIT));

        assertThat(status(signature, Name.DOCUMENT_DIGEST)).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.DOCUMENT_DIGEST).orElseThrow().detail()).contains("Content.xml");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void tamperedSignatureXml_failsTheDocumentDigest() throws Exception {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer);
        byte[] tampered = rewrite(sealed, "Signature.xml", text -> text.replace("</ofd:Signature>",
                "<!-- changed --></ofd:Signature>"));
        SignatureReport signature = only(verifier.verify(tampered, UNIT));
        assertThat(status(signature, Name.DOCUMENT_DIGEST)).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.DOCUMENT_DIGEST).orElseThrow().detail()).contains("Signature.xml");
    }

    @Test
    void expiredSeal_failsTheValidityWindow() {
        Instant now = Instant.now();
        SESeal expired = ca.seal("SEAL-HFSCJG-2019", "海丰县市场监督管理局行政处罚专用章",
                now.minus(2000, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), ca.signer);
        byte[] sealed = ca.sealLocally(decision, expired, ca.signerKeys, ca.signer);

        SignatureReport signature = only(verifier.verify(sealed));

        assertThat(status(signature, Name.SEAL_VALIDITY)).isEqualTo(Status.FAILED);
        assertThat(status(signature, Name.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void untrustedCertificate_failsTrustOnly() {
        TestSeals stranger = new TestSeals("Some Other CA");
        SESeal strangersSeal = stranger.seal("SEAL-X-0001", UNIT + "行政处罚专用章", Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS), stranger.signer);
        byte[] sealed = stranger.sealLocally(decision, strangersSeal, stranger.signerKeys, stranger.signer);

        SignatureReport signature = only(verifier.verify(sealed, UNIT));

        assertThat(status(signature, Name.TRUST)).isEqualTo(Status.FAILED);
        assertThat(status(signature, Name.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(signature, Name.SEAL_SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void revokedCertificate_failsTrust() {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer);
        SealVerifier revoking = SealVerifier.using(new AnchoredTrustService(List.of(ca.root),
                Set.of(ca.signer.getSerialNumber())));
        SignatureReport signature = only(revoking.verify(sealed));
        assertThat(status(signature, Name.TRUST)).isEqualTo(Status.PASSED);
        assertThat(status(signature, Name.REVOCATION)).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("revoked");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void expiredSignerCertificate_failsTrust() {
        var keys = TestSeals.keys();
        var expired = TestSeals.certificate(ca.root.getSubjectX500Principal().getName(), "CN=Expired signer", ca.rootKeys,
                keys, Instant.now().minus(400, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS),
                java.math.BigInteger.valueOf(99));
        SESeal listing = ca.seal("SEAL-SWSCJG-002", UNIT + "行政处罚专用章", Instant.now().minus(30, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS), expired);
        byte[] sealed = ca.sealLocally(decision, listing, keys, expired);

        SignatureReport signature = only(verifier.verify(sealed, UNIT));

        assertThat(status(signature, Name.TRUST)).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.TRUST).orElseThrow().detail()).contains("not valid at");
        assertThat(status(signature, Name.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(signature, Name.SIGNER_IN_SEAL_CERT_LIST)).isEqualTo(Status.PASSED);
    }

    @Test
    void swappedCertificate_notInTheSealsList_fails() {
        var otherKeys = TestSeals.keys();
        var other = TestSeals.certificate(ca.root.getSubjectX500Principal().getName(), "CN=Other signer", ca.rootKeys,
                otherKeys, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS),
                java.math.BigInteger.valueOf(77));
        byte[] sealed = ca.sealLocally(decision, seal, otherKeys, other);

        SignatureReport signature = only(verifier.verify(sealed));

        assertThat(status(signature, Name.SIGNER_IN_SEAL_CERT_LIST)).isEqualTo(Status.FAILED);
        assertThat(status(signature, Name.TRUST)).isEqualTo(Status.PASSED);
    }

    @Test
    void gmt0031V1Seal_isVerifiedToo_andTamperingIsCaught() throws Exception {
        Instant now = Instant.now();
        var v1 = ca.sealV1("SEAL-SWSCJG-V1", UNIT + "行政处罚专用章", now.minus(30, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS), ca.signer);
        byte[] sealed = ca.sealLocallyV1(decision, v1);

        SignatureReport signature = only(verifier.verify(sealed, UNIT));

        assertThat(signature.check(Name.PARSE).orElseThrow().detail()).contains("GM/T 0031 v1");
        assertThat(status(signature, Name.REVOCATION)).isEqualTo(Status.PASSED);
        assertThat(status(signature, Name.TIMESTAMP)).isEqualTo(Status.NOT_PRESENT);
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().detail()).contains("GM/T 0031 v1 has no timestamp");
        assertThat(signature.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isNotEqualTo(Status.FAILED));
        assertThat(signature.valid()).isTrue();
        // ofdrw writes the v1 time as local text without a zone; the verifier reads such text as China time.
        assertThat(java.time.Duration.between(signature.signedAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDateTime(), java.time.LocalDateTime.now()).abs()).isLessThan(java.time.Duration.ofMinutes(5));

        byte[] tampered = rewrite(sealed, "Content.xml", text -> text.replace("伍万元", "伍仟元"));
        assertThat(status(only(verifier.verify(tampered, UNIT)), Name.DOCUMENT_DIGEST)).isEqualTo(Status.FAILED);
    }

    @Test
    void unsignedOrBrokenDocuments_areReportedNotThrown() {
        assertThat(verifier.verify(decision).signatures()).isEmpty();
        assertThat(verifier.verify(decision).valid()).isFalse();
        assertThat(verifier.verify("not an ofd".getBytes(StandardCharsets.UTF_8)).problem()).contains("not a readable OFD");
        assertThat(verifier.verify(new byte[0]).problem()).isEqualTo("document is empty");
    }

    // --- zip surgery on the OFD container ----------------------------------------------------------------------

    private record Entry(String name, byte[] bytes) {
    }

    private static List<Entry> entries(byte[] zip) throws Exception {
        List<Entry> entries = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(new Entry(e.getName(), in.readAllBytes()));
            }
        }
        return entries;
    }

    private static byte[] rewrite(byte[] zip, String suffix, java.util.function.UnaryOperator<String> change)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Entry entry : entries(zip)) {
                byte[] bytes = entry.bytes;
                if (entry.name.endsWith(suffix) && !changed) {
                    String before = new String(bytes, StandardCharsets.UTF_8);
                    String after = change.apply(before);
                    if (!after.equals(before)) {
                        bytes = after.getBytes(StandardCharsets.UTF_8);
                        changed = true;
                    }
                }
                zipOut.putNextEntry(new ZipEntry(entry.name));
                zipOut.write(bytes);
                zipOut.closeEntry();
            }
        }
        assertThat(changed).as("the test changed " + suffix).isTrue();
        return out.toByteArray();
    }
}
