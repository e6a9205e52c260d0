package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.sign.timestamp.TimeStampHook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The GB/T 38540 v4 timeStamp: an RFC 3161 token over the signature value, verified with SM3/SM2. */
class SealTimestampTest {

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

    private static SealCheck timestampCheck(TimeStampHook hook) {
        return timestampCheck(hook, verifier);
    }

    private static SealCheck timestampCheck(TimeStampHook hook, SealVerifier with) {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer, hook);
        SealVerificationReport report = with.verify(sealed, UNIT);
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0).check(Name.TIMESTAMP).orElseThrow();
    }

    @Test
    void validTimestamp_overTheSignatureValue_passes() {
        byte[] sealed = ca.sealLocally(decision, seal, ca.signerKeys, ca.signer,
                value -> ca.timestamp(value, Instant.now()));

        SealVerificationReport report = verifier.verify(sealed, UNIT);

        SealCheck check = report.signatures().get(0).check(Name.TIMESTAMP).orElseThrow();
        assertThat(check.status()).as(check.detail()).isEqualTo(Status.PASSED);
        assertThat(check.detail()).contains("Test TSA", "1.2.156.10197.1.401");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void absentTimestamp_isReportedNotPresent_notPassed() {
        SealCheck check = timestampCheck(value -> null);
        assertThat(check.status()).isEqualTo(Status.NOT_PRESENT);
        assertThat(check.detail()).contains("not present");
    }

    @Test
    void timestampOfOtherData_failsTheImprint() {
        SealCheck check = timestampCheck(value -> ca.timestamp("some other signature".getBytes(StandardCharsets.UTF_8),
                Instant.now()));
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("imprint");
    }

    @Test
    void tamperedToken_failsTheTsaSignature() {
        SealCheck check = timestampCheck(value -> {
            byte[] token = ca.timestamp(value, Instant.now());
            // Change the TSA policy 1.2.3.4.1 to 1.2.3.4.2 inside the signed TSTInfo, leaving the DER well formed.
            int index = indexOf(token, new byte[] {0x06, 0x04, 0x2A, 0x03, 0x04, 0x01});
            assertThat(index).as("policy OID in the token").isPositive();
            token[index + 5] = 0x02;
            return token;
        });
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("does not verify");
    }

    @Test
    void tokenWhoseTimeWasMoved_isRefused() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String genTime = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC).format(at);
        SealCheck check = timestampCheck(value -> {
            byte[] token = ca.timestamp(value, at);
            int index = indexOf(token, genTime.getBytes(StandardCharsets.US_ASCII));
            assertThat(index).as("genTime in the token").isPositive();
            byte[] earlier = String.valueOf(at.atZone(java.time.ZoneOffset.UTC).getYear() - 1)
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(earlier, 0, token, index, 4);
            return token;
        });
        assertThat(check.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void garbageInTheTimestampField_fails() {
        SealCheck check = timestampCheck(value -> "not a token".getBytes(StandardCharsets.US_ASCII));
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("not an RFC 3161 TimeStampToken");
    }

    @Test
    void timestampAfterTheSealExpired_fails() {
        SESeal shortSeal = ca.seal("SEAL-SWSCJG-009", UNIT + "行政处罚专用章", Instant.now().minus(30, ChronoUnit.DAYS),
                Instant.now().plus(10, ChronoUnit.DAYS), ca.signer);
        byte[] sealed = ca.sealLocally(decision, shortSeal, ca.signerKeys, ca.signer,
                value -> ca.timestamp(value, Instant.now().plus(20, ChronoUnit.DAYS)));

        SealCheck late = verifier.verify(sealed, UNIT).signatures().get(0).check(Name.TIMESTAMP).orElseThrow();

        assertThat(late.status()).isEqualTo(Status.FAILED);
        assertThat(late.detail()).contains("outside the seal's validity");
    }

    @Test
    void timestampAfterTheSignerCertificateExpired_fails() {
        var keys = TestSeals.keys();
        var shortLived = TestSeals.certificate(ca.root.getSubjectX500Principal().getName(), "CN=Short-lived signer",
                ca.rootKeys, keys, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(5, ChronoUnit.DAYS),
                java.math.BigInteger.valueOf(88));
        SESeal listing = ca.seal("SEAL-SWSCJG-010", UNIT + "行政处罚专用章", Instant.now().minus(30, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), shortLived);
        byte[] sealed = ca.sealLocally(decision, listing, keys, shortLived,
                value -> ca.timestamp(value, Instant.now().plus(10, ChronoUnit.DAYS)));

        SealCheck check = verifier.verify(sealed, UNIT).signatures().get(0).check(Name.TIMESTAMP).orElseThrow();

        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("outside the signer certificate's validity");
    }

    @Test
    void timestampFromAnUntrustedTsa_fails() {
        TestSeals stranger = new TestSeals("Some Other TSA Root");
        SealVerifier trustingOnlyOurRoot = SealVerifier.using(new AnchoredTrustService(List.of(ca.root), Set.of()));
        SealCheck check = timestampCheck(value -> stranger.timestamp(value, Instant.now()), trustingOnlyOurRoot);
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("TSA certificate", "not a trusted root");
    }

    @Test
    void revokedTsaCertificate_failsTheTimestamp() {
        SealVerifier revoking = SealVerifier.using(new AnchoredTrustService(List.of(ca.root),
                Set.of(ca.tsa.getSerialNumber())));
        SealCheck check = timestampCheck(value -> ca.timestamp(value, Instant.now()), revoking);
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.detail()).contains("revoked");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
