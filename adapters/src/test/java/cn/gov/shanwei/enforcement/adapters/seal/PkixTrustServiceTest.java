package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.common.rest.MovableClock;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ofdrw.gm.ses.v4.SESeal;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PKIX chain building to configured SM2 roots and CRL revocation: valid, unknown root, revoked, stale or missing CRL. */
class PkixTrustServiceTest {

    @RegisterExtension
    static WireMockExtension crlServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String UNIT = TestSeals.UNIT;
    private static final Instant NOW = Instant.now();
    private static TestSeals ca;
    private static byte[] sealed;

    @BeforeAll
    static void setUp() {
        ca = new TestSeals("Shanwei Test Root CA (TEST - NOT LEGALLY VALID)");
        SESeal seal = ca.seal("SEAL-SWSCJG-001", UNIT + "行政处罚专用章", NOW.minus(30, ChronoUnit.DAYS),
                NOW.plus(365, ChronoUnit.DAYS), ca.signer);
        sealed = ca.sealLocally(DecisionOfdWriter.write(TestSeals.DECISION), seal, ca.signerKeys, ca.signer);
    }

    private static X509CRL freshCrl(BigInteger... revoked) {
        return ca.crl(NOW.minus(1, ChronoUnit.HOURS), NOW.plus(7, ChronoUnit.DAYS), revoked);
    }

    private static PkixTrustService trusting(X509Certificate root, CrlSource crls) {
        return PkixTrustService.builder().anchor(root).crls(crls).build();
    }

    private static SealVerificationReport.SignatureReport verify(TrustService trust) {
        SealVerificationReport report = SealVerifier.using(trust).verify(sealed, UNIT);
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    @Test
    void validChain_andFreshCrl_passBothChecks_andTheSealVerifies() {
        var signature = verify(trusting(ca.root, CrlSource.of(List.of(freshCrl(BigInteger.valueOf(999))))));

        assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.TRUST).orElseThrow().detail()).contains("chain to trusted root");
        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.valid()).isTrue();
    }

    @Test
    void unknownRoot_failsTheChain_andRevocationIsNotExamined() {
        TestSeals stranger = new TestSeals("Some Other Root");
        var signature = verify(trusting(stranger.root, CrlSource.of(List.of(stranger.crl(NOW.minus(1, ChronoUnit.HOURS),
                NOW.plus(1, ChronoUnit.DAYS))))));

        assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.TRUST).orElseThrow().detail()).contains("no valid chain");
        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void revokedSignerCertificate_failsRevocation() {
        var signature = verify(trusting(ca.root, CrlSource.of(List.of(freshCrl(ca.signer.getSerialNumber())))));

        assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("revoked since", "KEY_COMPROMISE");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void gmt0031V1Signature_goesThroughTheSameChainAndRevocation() {
        var v1 = ca.sealV1("SEAL-SWSCJG-V1", UNIT + "行政处罚专用章", NOW.minus(30, ChronoUnit.DAYS),
                NOW.plus(365, ChronoUnit.DAYS), ca.signer);
        byte[] sealedV1 = ca.sealLocallyV1(DecisionOfdWriter.write(TestSeals.DECISION), v1);

        var good = SealVerifier.using(trusting(ca.root, CrlSource.of(List.of(freshCrl())))).verify(sealedV1, UNIT);
        var revoked = SealVerifier.using(trusting(ca.root, CrlSource.of(List.of(freshCrl(ca.signer.getSerialNumber())))))
                .verify(sealedV1, UNIT);

        assertThat(good.valid()).as(good.toString()).isTrue();
        assertThat(revoked.signatures().get(0).check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(revoked.valid()).isFalse();
    }

    @Test
    void expiredCrl_isIndeterminate_notAPass() {
        X509CRL stale = ca.crl(NOW.minus(10, ChronoUnit.DAYS), NOW.minus(3, ChronoUnit.DAYS));
        var signature = verify(trusting(ca.root, CrlSource.of(List.of(stale))));

        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("out of date");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void crlSignedByAnotherKey_isIndeterminate() {
        TestSeals impostor = new TestSeals("Shanwei Test Root CA (TEST - NOT LEGALLY VALID)");
        X509CRL forged = impostor.crl(NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.DAYS));
        var signature = verify(trusting(ca.root, CrlSource.of(List.of(forged))));

        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("not signed by its key");
    }

    @Test
    void crlFromTheCertificatesDistributionPoint_overHttp() throws Exception {
        URI url = URI.create(crlServer.baseUrl() + "/crl/root.crl");
        KeyPair keys = TestSeals.keys();
        X509Certificate withDp = TestSeals.certificate(ca.root.getSubjectX500Principal().getName(), "CN=Signer with DP",
                ca.rootKeys, keys, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), BigInteger.valueOf(314),
                distributionPoint(url));
        PkixTrustService trust = trusting(ca.root, HttpCrlSource.builder().timeout(Duration.ofSeconds(10)).build());

        crlServer.stubFor(get(urlEqualTo("/crl/root.crl")).willReturn(aResponse().withBody(freshCrl().getEncoded())));
        TrustService.Decision good = trust.check(withDp, NOW);
        assertThat(good.trusted()).as(good.toString()).isTrue();

        crlServer.stubFor(get(urlEqualTo("/crl/root.crl")).willReturn(aResponse()
                .withBody(freshCrl(BigInteger.valueOf(314)).getEncoded())));
        PkixTrustService fresh = trusting(ca.root, HttpCrlSource.builder().build());
        assertThat(fresh.check(withDp, NOW).revocation().status()).isEqualTo(Status.FAILED);

        crlServer.stubFor(get(urlEqualTo("/crl/root.crl")).willReturn(aResponse().withStatus(503)));
        TrustService.Decision down = trusting(ca.root, HttpCrlSource.builder().build()).check(withDp, NOW);
        assertThat(down.revocation().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(down.revocation().detail()).contains("HTTP 503");

        crlServer.stubFor(get(urlEqualTo("/crl/root.crl")).willReturn(aResponse().withBody("not a crl")));
        assertThat(trusting(ca.root, HttpCrlSource.builder().build()).check(withDp, NOW).revocation().detail())
                .contains("not a DER or PEM X.509 CRL");
    }

    @Test
    void unreachableCrl_isIndeterminate() {
        URI closed = URI.create("http://127.0.0.1:" + freePort() + "/root.crl");
        PkixTrustService trust = trusting(ca.root, HttpCrlSource.builder().timeout(Duration.ofSeconds(2))
                .crlOf(ca.root, closed).build());

        var signature = verify(trust);

        assertThat(signature.check(Name.TRUST).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(signature.check(Name.REVOCATION).orElseThrow().detail()).contains("unreachable");
        assertThat(signature.valid()).isFalse();
    }

    @Test
    void certificateWithoutAnyCrlLocation_isIndeterminate() {
        TrustService.Decision decision = trusting(ca.root, HttpCrlSource.builder().build()).check(ca.signer, NOW);
        assertThat(decision.chain().status()).isEqualTo(Status.PASSED);
        assertThat(decision.revocation().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(decision.revocation().detail()).contains("no CRL location");
    }

    @Test
    void chainThroughAnIntermediate_needsTheIntermediate_andChecksItsRevocationToo() throws Exception {
        KeyPair subKeys = TestSeals.keys();
        String rootName = ca.root.getSubjectX500Principal().getName();
        X509Certificate intermediate = TestSeals.certificate(rootName, "CN=Shanwei Sub CA (TEST)", ca.rootKeys, subKeys,
                NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS), BigInteger.valueOf(500),
                new Extension(Extension.basicConstraints, true, new BasicConstraints(true).toASN1Primitive()
                        .getEncoded()));
        KeyPair leafKeys = TestSeals.keys();
        X509Certificate leaf = TestSeals.certificate("CN=Shanwei Sub CA (TEST)", "CN=Leaf signer", subKeys, leafKeys,
                NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), BigInteger.valueOf(501));
        X509CRL subCrl = TestSeals.crl(subKeys, intermediate, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.DAYS));
        CrlSource crls = CrlSource.of(List.of(freshCrl(), subCrl));

        assertThat(trusting(ca.root, crls).check(leaf, NOW).chain().status()).isEqualTo(Status.FAILED);

        PkixTrustService withSub = PkixTrustService.builder().anchor(ca.root).intermediate(intermediate).crls(crls).build();
        TrustService.Decision good = withSub.check(leaf, NOW);
        assertThat(good.trusted()).as(good.toString()).isTrue();
        assertThat(good.chain().detail()).contains("2-certificate chain");

        CrlSource subRevoked = CrlSource.of(List.of(freshCrl(BigInteger.valueOf(500)), subCrl));
        TrustService.Decision revoked = PkixTrustService.builder().anchor(ca.root).intermediate(intermediate)
                .crls(subRevoked).build().check(leaf, NOW);
        assertThat(revoked.revocation().status()).isEqualTo(Status.FAILED);
        assertThat(revoked.revocation().detail()).contains("Shanwei Sub CA");
    }

    @Test
    void rememberedCrl_doesNotHideARevocation_publishedInTheNextCrl() {
        AtomicReference<List<X509CRL>> current = new AtomicReference<>(List.of(freshCrl()));
        PkixTrustService trust = trusting(ca.root, certificate -> current.get());
        assertThat(trust.check(ca.signer, NOW).trusted()).isTrue();
        assertThat(trust.check(ca.signer, NOW).trusted()).as("served from what the first check remembered").isTrue();

        current.set(List.of(ca.crl(NOW.minus(1, ChronoUnit.MINUTES), NOW.plus(7, ChronoUnit.DAYS),
                ca.signer.getSerialNumber())));
        TrustService.Decision afterUpdate = trust.check(ca.signer, NOW);

        assertThat(afterUpdate.revocation().status()).isEqualTo(Status.FAILED);
        assertThat(afterUpdate.revocation().detail()).contains("is revoked");
        assertThat(afterUpdate.trusted()).isFalse();
    }

    @Test
    void rememberedCrl_doesNotVouchForAForgedOne_underTheSameIssuerName() {
        AtomicReference<List<X509CRL>> current = new AtomicReference<>(List.of(freshCrl()));
        PkixTrustService trust = trusting(ca.root, certificate -> current.get());
        assertThat(trust.check(ca.signer, NOW).trusted()).isTrue();

        TestSeals impostor = new TestSeals("Shanwei Test Root CA (TEST - NOT LEGALLY VALID)");
        current.set(List.of(impostor.crl(NOW.minus(1, ChronoUnit.MINUTES), NOW.plus(1, ChronoUnit.DAYS))));
        TrustService.Decision forged = trust.check(ca.signer, NOW);

        assertThat(forged.revocation().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(forged.revocation().detail()).contains("not signed by its key");
    }

    @Test
    void rememberedCrl_goesOutOfDate_onTheServicesClock() {
        X509CRL crl = ca.crl(NOW.minus(1, ChronoUnit.HOURS), NOW.plus(1, ChronoUnit.HOURS));
        MovableClock clock = new MovableClock(NOW);
        PkixTrustService trust = PkixTrustService.builder().anchor(ca.root).crls(CrlSource.of(List.of(crl)))
                .clock(clock).build();
        assertThat(trust.check(ca.signer, NOW).trusted()).isTrue();

        clock.advance(Duration.ofHours(2));
        TrustService.Decision later = trust.check(ca.signer, NOW);

        assertThat(later.revocation().status()).isEqualTo(Status.INDETERMINATE);
        assertThat(later.revocation().detail()).contains("out of date");
    }

    @Test
    void rememberedChain_isNotReused_whenItsIntermediateHasExpired() throws Exception {
        KeyPair subKeys = TestSeals.keys();
        X509Certificate intermediate = TestSeals.certificate(ca.root.getSubjectX500Principal().getName(),
                "CN=Short-lived Sub CA (TEST)", ca.rootKeys, subKeys, NOW.minus(1, ChronoUnit.DAYS),
                NOW.plus(10, ChronoUnit.DAYS), BigInteger.valueOf(600),
                new Extension(Extension.basicConstraints, true, new BasicConstraints(true).toASN1Primitive()
                        .getEncoded()));
        X509Certificate leaf = TestSeals.certificate("CN=Short-lived Sub CA (TEST)", "CN=Longer-lived signer", subKeys,
                TestSeals.keys(), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), BigInteger.valueOf(601));
        X509CRL subCrl = TestSeals.crl(subKeys, intermediate, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(60, ChronoUnit.DAYS));
        X509CRL rootCrl = ca.crl(NOW.minus(1, ChronoUnit.HOURS), NOW.plus(60, ChronoUnit.DAYS));
        PkixTrustService trust = PkixTrustService.builder().anchor(ca.root).intermediate(intermediate)
                .crls(CrlSource.of(List.of(rootCrl, subCrl))).build();
        assertThat(trust.check(leaf, NOW).trusted()).isTrue();

        // The leaf is still valid 20 days on, its issuer is not: the chain remembered at NOW must not stand in.
        TrustService.Decision afterIssuerExpired = trust.check(leaf, NOW.plus(20, ChronoUnit.DAYS));

        assertThat(afterIssuerExpired.chain().status()).isEqualTo(Status.FAILED);
        assertThat(trust.check(leaf, NOW.plus(5, ChronoUnit.DAYS)).chain().status()).isEqualTo(Status.PASSED);
    }

    @Test
    void expiredSignerCertificate_failsTheChainAtTheSigningTime() {
        TrustService.Decision decision = trusting(ca.root, CrlSource.of(List.of(freshCrl())))
                .check(ca.signer, NOW.plus(400, ChronoUnit.DAYS));
        assertThat(decision.chain().status()).isEqualTo(Status.FAILED);
        assertThat(decision.chain().detail()).contains("not valid at");
    }

    @Test
    void builder_refusesMissingSettings() {
        assertThatThrownBy(() -> PkixTrustService.builder().crls(CrlSource.of(List.of())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anchor");
        assertThatThrownBy(() -> PkixTrustService.builder().anchor(ca.root).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRL source");
        assertThatThrownBy(() -> HttpCrlSource.builder().crlOf(ca.root, URI.create("ldap://x/crl")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Extension distributionPoint(URI url) throws Exception {
        DistributionPoint point = new DistributionPoint(new DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, url.toString()))), null, null);
        return new Extension(Extension.cRLDistributionPoints, false,
                new CRLDistPoint(new DistributionPoint[] {point}).getEncoded());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
