package cn.gov.shanwei.enforcement.adapters.seal;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ofdrw.gm.ses.v4.SESeal;

import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of SM2 signing and verification (SM3withSM2, Bouncy Castle) and of full local verification of a
 * sealed one-page penalty decision (docs/benchmarks.md). Run after {@code ./mvnw -pl adapters test-compile}:
 * {@code java -cp adapters/target/test-classes:adapters/target/classes:<test class path> org.openjdk.jmh.Main SealBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SealBenchmark {

    private final byte[] message = new byte[1024];
    private TestSeals ca;
    private byte[] signature;
    private byte[] sealed;
    private SealVerifier verifier;
    private byte[] sealedWithoutTimestamp;
    private SealVerifier anchoredVerifier;

    @Setup
    public void setUp() throws Exception {
        ca = new TestSeals("Benchmark CA (TEST - NOT LEGALLY VALID)");
        Signature signer = Signature.getInstance("SM3withSM2", TestSeals.BC);
        signer.initSign(ca.signerKeys.getPrivate());
        signer.update(message);
        signature = signer.sign();
        SESeal seal = ca.seal("SEAL-BENCH-0001", "汕尾市市场监督管理局行政处罚专用章",
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), ca.signer);
        sealed = ca.sealLocally(DecisionOfdWriter.write(TestSeals.DECISION), seal, ca.signerKeys, ca.signer,
                value -> ca.timestamp(value, Instant.now()));
        // The deployment trust service: PKIX chain building and the root's CRL (held in memory: no network in the figure).
        verifier = SealVerifier.using(PkixTrustService.builder().anchor(ca.root).crls(CrlSource.of(List.of(
                ca.crl(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS))))).build());
        SealVerificationReport report = verifier.verify(sealed, TestSeals.UNIT);
        if (!report.valid() || report.signatures().get(0).check(SealCheck.Name.TIMESTAMP).orElseThrow().status()
                != SealCheck.Status.PASSED) {
            throw new IllegalStateException("the benchmark's sealed decision does not verify: " + report);
        }
        sealedWithoutTimestamp = ca.sealLocally(DecisionOfdWriter.write(TestSeals.DECISION), seal, ca.signerKeys,
                ca.signer);
        anchoredVerifier = ca.anchoredVerifier();
    }

    /** SM3withSM2 signature of 1 KiB. */
    @Benchmark
    public byte[] sm2Sign() throws Exception {
        Signature signer = Signature.getInstance("SM3withSM2", TestSeals.BC);
        signer.initSign(ca.signerKeys.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    /** SM3withSM2 verification of 1 KiB. */
    @Benchmark
    public boolean sm2Verify() throws Exception {
        Signature verifierSignature = Signature.getInstance("SM3withSM2", TestSeals.BC);
        verifierSignature.initVerify(ca.signerKeys.getPublic());
        verifierSignature.update(message);
        return verifierSignature.verify(signature);
    }

    /**
     * Every check of a sealed one-page OFD decision, unzipping included: digests, signer and seal-maker signatures,
     * PKIX chain and CRL revocation of the signer, and the RFC 3161 timestamp (TSA signature, chain, CRL).
     */
    @Benchmark
    public SealVerificationReport verifySealedDecision() {
        return verifier.verify(sealed, TestSeals.UNIT);
    }

    /** Baseline for the figure above: no timestamp, one-level anchor check without PKIX or CRL (the issue-4 first cut). */
    @Benchmark
    public SealVerificationReport verifySealedDecisionBaseline() {
        return anchoredVerifier.verify(sealedWithoutTimestamp, TestSeals.UNIT);
    }
}
