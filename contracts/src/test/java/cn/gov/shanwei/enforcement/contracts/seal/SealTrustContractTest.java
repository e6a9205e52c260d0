package cn.gov.shanwei.enforcement.contracts.seal;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter;
import cn.gov.shanwei.enforcement.adapters.seal.HttpCrlSource;
import cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument;
import cn.gov.shanwei.enforcement.adapters.seal.PkixTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;
import cn.gov.shanwei.enforcement.adapters.seal.SealClient;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision sealed by the sandbox, verified with the deployment trust service: PKIX chain to the sandbox's test root,
 * revocation from the CRL the sandbox serves over HTTP, and the timestamp its test TSA put on the signature.
 */
class SealTrustContractTest {

    private static final PenaltyDecisionDocument DECISION = new PenaltyDecisionDocument("汕市监罚〔2025〕31号",
            "汕尾市城区海滨餐饮有限公司", "2025年5月8日检查发现其未按规定公示食品经营许可证。",
            "《中华人民共和国食品安全法》第一百二十六条第一款第（十二）项", "警告，并处罚款人民币伍仟元整。",
            "汕尾市市场监督管理局", LocalDate.of(2025, 6, 3));
    private static ProvinceSandbox sandbox;
    private static SealClient seals;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        seals = SealClient.builder().endpoint(sandbox.endpoint(SandboxService.SEAL))
                .signer(TifRequestSigner.of(new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
                        SandboxCredentials.TIF_TOKEN)))
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.SEAL);
        sandbox.seal().pki().restore();
        sandbox.seal().timestamps(true);
    }

    /** A new trust service each time, so no CRL is cached from an earlier test. */
    private static SealVerifier verifier() {
        return SealVerifier.using(PkixTrustService.builder().anchor(sandbox.seal().pki().root())
                .crls(HttpCrlSource.builder().timeout(Duration.ofSeconds(5))
                        .crlOf(sandbox.seal().pki().root(), sandbox.sealCrlUrl()).build())
                .build());
    }

    private static byte[] sealed() {
        return seals.seal(DecisionOfdWriter.write(DECISION), "SEAL-SWSCJG-001", "44150001");
    }

    private static SealVerificationReport.SignatureReport only(SealVerificationReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    @Test
    void sandboxSignature_passesChainRevocationAndTimestamp() {
        SealVerificationReport report = verifier().verify(sealed(), DECISION.collectingUnit());

        var signature = only(report);
        assertThat(signature.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASSED));
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().detail()).contains("Sandbox TSA", "NOT LEGALLY VALID");
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("not on the CRL");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void revokedSignerCertificate_failsRevocation() {
        byte[] sealed = sealed();
        sandbox.seal().pki().revoke(sandbox.seal().pki().signer().getSerialNumber());

        var signature = only(verifier().verify(sealed, DECISION.collectingUnit()));

        assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void revokedTsaCertificate_failsTheTimestamp() {
        byte[] sealed = sealed();
        sandbox.seal().pki().revoke(sandbox.seal().pki().tsa().getSerialNumber());

        var signature = only(verifier().verify(sealed, DECISION.collectingUnit()));

        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().detail()).contains("TSA certificate", "revoked");
    }

    @Test
    void expiredTsaCertificate_failsTheTimestamp() {
        sandbox.seal().pki().stampWithExpiredCertificate();

        var signature = only(verifier().verify(sealed(), DECISION.collectingUnit()));

        assertThat(signature.check(Name.SIGNATURE).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().detail()).contains("not valid");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void staleCrl_isIndeterminate_andTheDocumentIsNotValid() {
        byte[] sealed = sealed();
        sandbox.seal().pki().publishStaleCrl();

        SealVerificationReport report = verifier().verify(sealed, DECISION.collectingUnit());

        assertThat(only(report).check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(only(report).check(Name.REVOCATION).orElseThrow().detail()).contains("out of date");
        assertThat(report.valid()).isFalse();
    }

    @Test
    void unreachableCrl_isIndeterminate() {
        byte[] sealed = sealed();
        sandbox.simulateOutage(SandboxService.SEAL);

        SealVerificationReport report = verifier().verify(sealed, DECISION.collectingUnit());

        assertThat(only(report).check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(only(report).check(Name.REVOCATION).orElseThrow().detail()).contains("HTTP 503");
        assertThat(only(report).check(Name.TIMESTAMP).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void otherRoot_failsTheChain() {
        var foreign = cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox.start();
        try {
            SealVerifier trustingAnotherSandbox = SealVerifier.using(PkixTrustService.builder()
                    .anchor(foreign.seal().pki().root())
                    .crls(HttpCrlSource.builder().crlOf(foreign.seal().pki().root(), foreign.sealCrlUrl()).build())
                    .build());
            var signature = only(trustingAnotherSandbox.verify(sealed(), DECISION.collectingUnit()));
            assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.FAILED);
            assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.SKIPPED);
            assertThat(signature.valid()).isFalse();
        } finally {
            foreign.close();
        }
    }

    @Test
    void signatureWithoutTimestamp_saysSo() {
        sandbox.seal().timestamps(false);

        var signature = only(verifier().verify(sealed(), DECISION.collectingUnit()));

        assertThat(signature.check(Name.TIMESTAMP).orElseThrow().status()).isEqualTo(Status.NOT_PRESENT);
        assertThat(signature.valid()).isTrue();
    }

    @Test
    void crl_isServedWithoutGatewaySignature() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                sandbox.sealCrlUrl()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        var crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(response.body()));
        assertThat(crl.getIssuerX500Principal()).isEqualTo(sandbox.seal().pki().root().getSubjectX500Principal());
    }
}
