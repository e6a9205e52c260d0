package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnStart;
import cn.gov.shanwei.enforcement.starter.EnforcementHubAutoConfiguration;
import cn.gov.shanwei.enforcement.starter.EnforcementHubHealthAutoConfiguration;
import cn.gov.shanwei.enforcement.starter.EnforcementHubHealthIndicator;
import cn.gov.shanwei.enforcement.starter.EnforcementHubMetricsAutoConfiguration;
import cn.gov.shanwei.enforcement.starter.MicrometerHubCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every example of docs/sdk.md against the hub in sandbox mode. */
class SdkExamplesIT extends SandboxHubTest {

    EnforcementHubClient demo;
    @org.springframework.beans.factory.annotation.Autowired
    cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox sandbox;
    @org.springframework.beans.factory.annotation.Autowired
    AdministrationService administration;

    @BeforeEach
    void connect() {
        demo = client("sandbox-demo", "sandbox-demo-secret-0123456789abcdef", RetryPolicy.none());
    }

    @AfterEach
    void disconnect() {
        demo.close();
    }

    @Test
    void firstCall_printsTheHolderOfAValidLicence() {
        assertThat(SdkExamples.firstCall(endpoint())).containsExactly("VALID 汕尾市城区海滨餐饮有限公司");
    }

    @Test
    void verifyWithEverything_reportsAnExpiredLicence() {
        assertThat(SdkExamples.verifyWithEverything(demo)).containsExactly("not in force: EXPIRED");
    }

    @Test
    void errors_nameTheBadField() {
        assertThat(SdkExamples.handleErrors(demo)).singleElement().asString().startsWith("licenceId: ");
    }

    @Test
    void purposeDenied_saysPurposeNotAllowed() {
        try (EnforcementHubClient limited = client("market-supervision", NEW_SECRET, RetryPolicy.none())) {
            assertThat(SdkExamples.purposeNotAllowed(limited)).containsExactly("PURPOSE_NOT_ALLOWED");
        }
    }

    @Test
    void registration_listsServicesPurposesAndRate() {
        assertThat(SdkExamples.registration(demo)).contains("licence.verify for [*]")
                .endsWith("rate limit 50/s, burst 100");
    }

    @Test
    void geo_findsTheAddressItsDivisionAndFeatures() {
        assertThat(SdkExamples.geo(demo)).hasSize(2).startsWith("城区")
                .last().asString().matches("[1-9]\\d* features as GeoJSON");
    }

    @Test
    void registries_checkThePersonAndLookUpTheOrganisationAndTheLaw() {
        assertThat(SdkExamples.registries(demo)).containsExactly("人口库: MATCH",
                "法人库: 汕尾市城区海滨餐饮有限公司 ACTIVE", "法规库: 中华人民共和国行政处罚法 第72条");
    }

    @Test
    void exchange_pushesARecordThroughTheHub_andReadsTheProvincesAnswer() throws InterruptedException {
        assertThat(SdkExamples.exchange(demo)).containsExactly("accepted 1 record(s): PENDING",
                "mkt-insp-2026-0007 ACCEPTED");
    }

    @Test
    void listener_seesTheCall() {
        assertThat(SdkExamples.listener(endpoint())).containsExactly("registration.get 200 after 1 attempt(s)");
    }

    @Test
    void sealsSign_waitsForTheSignature_madeOnceUnderTheBusinessKey() throws InterruptedException {
        String key = "decision-" + java.util.UUID.randomUUID();
        byte[] digest = java.util.HexFormat.of().parseHex(cn.gov.shanwei.enforcement.domain.common.Sm3.ofUtf8(
                "a decision").hex());

        assertThat(SdkExamples.signDigest(demo, digest, key)).containsExactly("SIGNED SES_Signature");
        // The same business key again: the same request, not a second signature.
        assertThat(SdkExamples.signDigest(demo, digest, key)).containsExactly("SIGNED SES_Signature");
        assertThat(sandbox.seal().signatureCount()).isPositive();
    }

    @Test
    void sealsVerify_listsEveryCheck() {
        byte[] sealed = cn.gov.shanwei.enforcement.adapters.seal.SealClient.builder()
                .endpoint(sandbox.endpoint(cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService.SEAL))
                .signer(cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner.of(
                        new cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials(
                                cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials.TIF_PAAS_ID,
                                cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials.TIF_TOKEN)))
                .build().seal(cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter.write(
                        new cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument("汕市监罚〔2026〕5号",
                                "汕尾市海滨餐饮有限公司", "未按规定公示食品经营许可信息。", "《中华人民共和国食品安全法》第一百二十六条",
                                "罚款人民币2,000.00元。", "汕尾市市场监督管理局", java.time.LocalDate.of(2026, 3, 2))),
                        "SEAL-SWSCJG-001", "44150001");

        assertThat(SdkExamples.verifySeal(demo, sealed)).startsWith("valid")
                .contains("SEAL-SWSCJG-001 SIGNATURE PASSED", "SEAL-SWSCJG-001 SEAL_ENTITY PASSED");
    }

    @Test
    void identity_signsAUserOnThroughTheHub_andFindsTheOfficer() {
        SignOnStart started = SdkExamples.startSignOn(demo);
        URI back = SandboxBrowser.signOn(started.authorizeUrl(), "sw-staff-0001", port);
        assertThat(back.toString()).startsWith("http://localhost:9000/sign-on/return?signOnId=");

        assertThat(SdkExamples.completeSignOn(demo, back.getRawQuery(), started.signOnId())).containsExactly(
                "陈志强 4415************30 实名等级 3", "officer 44150001 of 汕尾市市场监督管理局, certificate in force");
    }

    @Test
    void supervision_readsTheCityAsItsSupervisor() {
        if (administration.officer(new OfficerId("sw-supervisor")).isEmpty()) {
            // A supervisor of the bootstrapped 汕尾市司法局 (hub.cases.bootstrap): the city is its jurisdiction.
            administration.createOfficer(new OfficerRegistration(new Officer(new OfficerId("sw-supervisor"),
                    "沙箱监督员", new SubjectId("SW-SFJ"), new EnforcementCertificate("4415-SUP-0001", Set.of(),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2099, 12, 31), CertificateStatus.VALID)),
                    Set.of(StaffRole.SUPERVISOR), null, null, null));
        }
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));

        List<String> out = SdkExamples.supervision(demo, month);

        assertThat(out.get(0)).matches("\\d+ open case\\(s\\), \\d+ overdue");
        assertThat(out).last().asString().matches("汕尾市 " + month + ": 立案 \\d+");
    }

    @Test
    void payments_issueTheNotice_andTheWebhookReceiverHearsItIssuedAndPaid() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = SdkExamples.webhookReceiver(DEMO_WEBHOOK_PORT,
                "sandbox-demo-secret-0123456789abcdef", heard);
        try {
            List<String> out = SdkExamples.payments(demo, "mkt-decision-" + java.util.UUID.randomUUID());

            assertThat(out).singleElement().asString().matches("ISSUED \\d{20}: 200000 fen, pay at http.+");
            String number = out.get(0).substring("ISSUED ".length(), "ISSUED ".length() + 20);
            sandbox.payment().pay(number, null, "WECHAT");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(heard).contains("issued " + number, "paid 200000 fen"));
            assertThat(heard.indexOf("issued " + number)).isLessThan(heard.indexOf("paid 200000 fen"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void starter_withTheDocumentedYaml_verifiesHealthAndTimesTheCall() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EnforcementHubAutoConfiguration.class,
                        EnforcementHubMetricsAutoConfiguration.class, EnforcementHubHealthAutoConfiguration.class))
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addLast(documentedYaml()))
                .withPropertyValues("HUB_ENDPOINT=" + endpoint())
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(StarterExample.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(StarterExample.class).isInForce(VALID_LICENCE, MATTER_CODE)).isTrue();
                    Health health = context.getBean(EnforcementHubHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsKey("services");
                    assertThat((List<Object>) health.getDetails().get("services")).contains("licence.verify");
                    assertThat(context.getBean(MeterRegistry.class).get(MicrometerHubCallListener.CALLS)
                            .tags("operation", "licences.verify", "outcome", "success").timer().count())
                            .isEqualTo(1);
                });
    }

    private static PropertySource<?> documentedYaml() {
        try {
            return new YamlPropertySourceLoader().load("starter-example",
                    new ClassPathResource("examples/starter-application.yml")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
