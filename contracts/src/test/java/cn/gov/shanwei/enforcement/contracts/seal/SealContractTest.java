package cn.gov.shanwei.enforcement.contracts.seal;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.seal.AnchoredTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter;
import cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck;
import cn.gov.shanwei.enforcement.adapters.seal.SealClient;
import cn.gov.shanwei.enforcement.adapters.seal.SealInfo;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.adapters.seal.SignatureMade;
import cn.gov.shanwei.enforcement.adapters.seal.SignedContent;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seal client against the sandbox's seal service, and the sealed document through local verification. */
class SealContractTest {

    private static final TifCredentials SANDBOX = new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
            SandboxCredentials.TIF_TOKEN);
    private static final PenaltyDecisionDocument DECISION = new PenaltyDecisionDocument("汕市监罚〔2025〕12号",
            "汕尾市城区海滨餐饮有限公司", "2025年3月1日检查发现其后厨存放过期食品原料三批次。",
            "《中华人民共和国食品安全法》第一百二十四条第一款第（三）项", "没收过期食品原料，并处罚款人民币伍万元整。",
            "汕尾市市场监督管理局", LocalDate.of(2025, 4, 20));
    private static ProvinceSandbox sandbox;
    private static SealClient seals;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        seals = client(TifRequestSigner.of(SANDBOX));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.SEAL);
    }

    private static SealClient client(TifRequestSigner signer) {
        return SealClient.builder().endpoint(sandbox.endpoint(SandboxService.SEAL)).signer(signer)
                .requestTimeout(Duration.ofMillis(1500)).build();
    }

    private static SealVerifier verifier() {
        return SealVerifier.using(new AnchoredTrustService(List.of(sandbox.seal().trustAnchor()), Set.of()));
    }

    @Test
    void fetchSeal_describesTheUnitsSeal() {
        SealInfo seal = seals.fetchSeal("SEAL-SWSCJG-001");
        assertThat(seal.sealName()).isEqualTo("汕尾市市场监督管理局行政处罚专用章");
        assertThat(seal.unitName()).isEqualTo("汕尾市市场监督管理局");
        assertThat(seal.seal()).isNotEmpty();
    }

    @Test
    void seal_thenVerifyLocally_passesEveryCheckForTheCollectingUnit() {
        byte[] sealed = seals.seal(DecisionOfdWriter.write(DECISION), "SEAL-SWSCJG-001", "44150001");

        SealVerificationReport report = verifier().verify(sealed, DECISION.collectingUnit());

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.esId()).isEqualTo("SEAL-SWSCJG-001");
            assertThat(signature.signer()).contains("NOT LEGALLY VALID");
            assertThat(signature.check(SealCheck.Name.SEAL_ENTITY).orElseThrow().status())
                    .isEqualTo(SealCheck.Status.PASSED);
        });
        assertThat(sandbox.seal().signatureCount()).isPositive();

        // The seal's appearance is placed on page 1 (a StampAnnot of the signature), and the seal itself travels along.
        StringBuilder signatureXml = new StringBuilder();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(sealed))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().endsWith("Signature.xml")) {
                    signatureXml.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(names).anyMatch(n -> n.endsWith("SignedValue.dat")).anyMatch(n -> n.endsWith(".esl"));
        assertThat(signatureXml).contains("StampAnnot", "PageRef");
    }

    @Test
    void sealOfAnotherUnit_isReportedByTheEntityCheck() {
        byte[] sealed = seals.seal(DecisionOfdWriter.write(DECISION), "SEAL-HFSCJG-001", "44150003");
        SealVerificationReport report = verifier().verify(sealed, DECISION.collectingUnit());
        assertThat(report.valid()).isFalse();
        assertThat(report.signatures().get(0).check(SealCheck.Name.SEAL_ENTITY).orElseThrow().status())
                .isEqualTo(SealCheck.Status.FAILED);
    }

    @Test
    void sandboxSeals_areNotTrustedWithoutItsTestAnchor() {
        byte[] sealed = seals.seal(DecisionOfdWriter.write(DECISION), "SEAL-SWSCJG-001", "44150001");
        SealVerificationReport report = SealVerifier.using(new AnchoredTrustService(List.of(), Set.of())).verify(sealed);
        assertThat(report.signatures().get(0).check(SealCheck.Name.TRUST).orElseThrow().status())
                .isEqualTo(SealCheck.Status.FAILED);
    }

    @Test
    void expiredOrUnknownSeal_isRejectedWithTheProvidersCode() {
        byte[] digest = new byte[32];
        assertRejected(() -> seals.sign("SEAL-LFSCJG-2019", "44150006", digest, "/Doc_0/Signs/Sign_0/Signature.xml"),
                "SEAL_EXPIRED");
        assertRejected(() -> seals.fetchSeal("SEAL-NOPE-0001"), "SEAL_NOT_FOUND");
    }

    @Test
    void badInput_isRefusedLocally() {
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.sign("SEAL-SWSCJG-001", "44150001", new byte[31], "x"))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("dataHash");
        assertThatThrownBy(() -> seals.seal(new byte[0], "SEAL-SWSCJG-001", "44150001"))
                .isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> seals.fetchSeal("../x")).isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void sealWithABadSignerId_isRefusedBeforeAnythingIsSent() {
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.seal(DecisionOfdWriter.write(DECISION), "SEAL-SWSCJG-001", "not an id"))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("signerId");
    }

    @Test
    void failures_outageLatencyAndGateway() {
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.fetchSeal("SEAL-SWSCJG-001")).isInstanceOf(ProviderTransportException.class);
        sandbox.restore(SandboxService.SEAL);
        sandbox.simulateLatency(SandboxService.SEAL, Duration.ofSeconds(3));
        assertThatThrownBy(() -> seals.fetchSeal("SEAL-SWSCJG-001")).isInstanceOf(ProviderTimeoutException.class);
        sandbox.restore(SandboxService.SEAL);
        SealClient wrongToken = client(TifRequestSigner.of(new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
                "wrong-token-0000")));
        assertRejected(() -> wrongToken.fetchSeal("SEAL-SWSCJG-001"), "400002");
    }

    // ------------------------------------------------------------ reconcile before retry (lookup by business key)

    @Test
    void findSignature_findsWhatWasSignedUnderTheKey_andNothingElse() {
        String key = "SD-" + java.util.UUID.randomUUID();
        assertThat(seals.findSignature(key)).isEmpty();
        byte[] digest = sm3("decision".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        byte[] ses = seals.sign("SEAL-SWSCJG-001", "44150001", digest, "/Doc_0/Signs/Sign_0/Signature.xml", key);

        SignatureMade found = seals.findSignature(key).orElseThrow();
        assertThat(found.sesSignature()).isEqualTo(ses);
        assertThat(found.sealId()).isEqualTo("SEAL-SWSCJG-001");
        assertThat(found.businessKey()).isEqualTo(key);
        assertThat(sandbox.seal().signatureCount(key)).isEqualTo(1);
        assertThat(seals.findSignature("SD-other")).isEmpty();
    }

    @Test
    void aSealWhoseAnswerWasLost_isRebuiltFromTheSignatureFound_withoutSigningAgain() {
        String key = "SD-" + java.util.UUID.randomUUID();
        byte[] ofd = DecisionOfdWriter.write(DECISION);
        List<SignedContent> kept = new java.util.ArrayList<>();
        // The service signs, but its answer arrives after our timeout: the outcome is unknown to the caller.
        assertThatThrownBy(() -> seals.seal(ofd, "SEAL-SWSCJG-001", "44150001", key, content -> {
            kept.add(content);
            sandbox.simulateLatency(SandboxService.SEAL, Duration.ofSeconds(3));
            return content;
        })).isInstanceOf(ProviderTimeoutException.class);
        sandbox.restore(SandboxService.SEAL);
        assertThat(kept).singleElement();

        SignatureMade made = awaitSignature(key);
        byte[] sealed = seals.embed(ofd, "SEAL-SWSCJG-001", kept.get(0), made.sesSignature());

        assertThat(sandbox.seal().signatureCount(key)).isEqualTo(1);
        SealVerificationReport report = verifier().verify(sealed, DECISION.collectingUnit());
        assertThat(report.valid()).as(report.toString()).isTrue();
    }

    @Test
    void aLaterAttempt_signsWhatTheFirstKept_soEverySignatureUnderTheKeyFitsTheDocument() {
        String key = "SD-" + java.util.UUID.randomUUID();
        byte[] ofd = DecisionOfdWriter.write(DECISION);
        List<SignedContent> kept = new java.util.ArrayList<>();
        seals.seal(ofd, "SEAL-SWSCJG-001", "44150001", key, content -> {
            kept.add(content);
            return content;
        });
        // A second attempt under the key (the first one's outcome was unknown) signs the kept bytes again.
        byte[] second = seals.seal(ofd, "SEAL-SWSCJG-001", "44150001", key, fresh -> kept.get(0));

        assertThat(sandbox.seal().signatureCount(key)).isEqualTo(2);
        assertThat(verifier().verify(second, DECISION.collectingUnit()).valid()).isTrue();
        byte[] first = seals.embed(ofd, "SEAL-SWSCJG-001", kept.get(0),
                seals.findSignature(key).orElseThrow().sesSignature());
        assertThat(verifier().verify(first, DECISION.collectingUnit()).valid()).isTrue();
    }

    @Test
    void embed_refusesASignatureOfOtherContent() {
        String key = "SD-" + java.util.UUID.randomUUID();
        byte[] ofd = DecisionOfdWriter.write(DECISION);
        List<SignedContent> kept = new java.util.ArrayList<>();
        seals.seal(ofd, "SEAL-SWSCJG-001", "44150001", key, content -> {
            kept.add(content);
            return content;
        });
        byte[] ses = seals.findSignature(key).orElseThrow().sesSignature();
        SignedContent other = new SignedContent(kept.get(0).path(), "<other/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> seals.embed(ofd, "SEAL-SWSCJG-001", other, ses))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("sesSignature");
        assertThatThrownBy(() -> seals.embed(ofd, "SEAL-HFSCJG-001", kept.get(0), ses))
                .isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void keepingFails_nothingIsSent() {
        String key = "SD-" + java.util.UUID.randomUUID();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> seals.seal(
                DecisionOfdWriter.write(DECISION), "SEAL-SWSCJG-001", "44150001", key, content -> {
                    throw new IllegalStateException("database down");
                }));
        assertThat(thrown).as(String.valueOf(thrown)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(sandbox.seal().signatureCount(key)).isZero();
        assertThat(seals.findSignature(key)).isEmpty();
    }

    @Test
    void findSignature_badKeyIsRefusedLocally_andProviderFailuresAreTyped() {
        assertThatThrownBy(() -> seals.findSignature("bad key")).isInstanceOf(AdapterValidationException.class)
                .hasMessageContaining("businessKey");
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.findSignature("SD-1")).isInstanceOf(ProviderTransportException.class);
        sandbox.simulateMalformedAnswer(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.findSignature("SD-1")).isInstanceOf(ProviderResponseInvalidException.class);
        sandbox.restore(SandboxService.SEAL);
        sandbox.simulateLatency(SandboxService.SEAL, Duration.ofSeconds(3));
        assertThatThrownBy(() -> seals.findSignature("SD-1")).isInstanceOf(ProviderTimeoutException.class);
        sandbox.restore(SandboxService.SEAL);
        sandbox.simulateConnectionReset(SandboxService.SEAL);
        assertThatThrownBy(() -> seals.findSignature("SD-1")).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void findSignature_answersThatDoNotMatchTheContractAreInvalid() {
        com.github.tomakehurst.wiremock.WireMockServer fake = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        fake.start();
        try {
            SealClient client = SealClient.builder().endpoint(java.net.URI.create(fake.baseUrl() + "/seal"))
                    .signer(TifRequestSigner.of(SANDBOX)).requestTimeout(Duration.ofMillis(1500)).build();
            String ses = java.util.Base64.getEncoder().encodeToString(seals.sign("SEAL-SWSCJG-001", "44150001",
                    new byte[32], "/Doc_0/Signs/Sign_0/Signature.xml"));
            answer(fake, "{\"signatureId\":\"S1\",\"sealId\":\"SEAL-SWSCJG-001\",\"businessKey\":\"SD-2\","
                    + "\"sesSignature\":\"" + ses + "\"}");
            assertThatThrownBy(() -> client.findSignature("SD-1")).isInstanceOf(ProviderResponseInvalidException.class)
                    .hasMessageContaining("businessKey");
            answer(fake, "{\"signatureId\":\"S1\",\"sealId\":\"SEAL-HFSCJG-001\",\"businessKey\":\"SD-1\","
                    + "\"sesSignature\":\"" + ses + "\"}");
            assertThatThrownBy(() -> client.findSignature("SD-1")).isInstanceOf(ProviderResponseInvalidException.class)
                    .hasMessageContaining("seal");
            answer(fake, "{\"signatureId\":\"S1\",\"sealId\":\"SEAL-SWSCJG-001\",\"businessKey\":\"SD-1\","
                    + "\"sesSignature\":\"AAEC\"}");
            assertThatThrownBy(() -> client.findSignature("SD-1")).isInstanceOf(ProviderResponseInvalidException.class)
                    .hasMessageContaining("SES_Signature");
            answer(fake, "{\"signatureId\":\"S1\",\"sealId\":\"SEAL-SWSCJG-001\",\"businessKey\":\"SD-1\"}");
            assertThatThrownBy(() -> client.findSignature("SD-1")).isInstanceOf(ProviderResponseInvalidException.class)
                    .hasMessageContaining("sesSignature");
            fake.resetAll();
            fake.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/seal/v1/signatures"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"code\":\"NO_ROUTE\",\"message\":\"not here\"}")));
            // A 404 with another code is not "nothing was signed": the caller must not sign again on it.
            assertThatThrownBy(() -> client.findSignature("SD-1")).isInstanceOf(ProviderRejectedException.class);
        } finally {
            fake.stop();
        }
    }

    private static void answer(com.github.tomakehurst.wiremock.WireMockServer fake, String body) {
        fake.resetAll();
        fake.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/seal/v1/signatures"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(body)));
    }

    private static SignatureMade awaitSignature(String key) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            var found = seals.findSignature(key);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the sandbox made no signature under " + key);
    }

    private static byte[] sm3(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SM3", new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .digest(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRejected(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo(code));
    }
}
