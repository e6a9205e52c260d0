package cn.gov.shanwei.enforcement.contracts.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceState;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceResult;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;

import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.EXPIRED_FOOD;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.REVOKED_SHOP;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.UNKNOWN;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.VALID_RESTAURANT;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.VALID_TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real {@link ElicenceClient} against the province sandbox serving the licence contract. */
class ElicenceClientContractTest {

    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(800);
    private static ProvinceSandbox sandbox;
    private static ElicenceClient client;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        client = ElicenceClient.builder()
                .endpoint(sandbox.endpoint(SandboxService.LICENCE))
                .connectTimeout(Duration.ofSeconds(1))
                .receiveTimeout(RECEIVE_TIMEOUT)
                .requesterSystem("shanwei-enforcement-hub")
                .build();
        // The first call pays CXF's lazy set-up and class loading (more with six operations), which on a loaded
        // two-core machine can exceed the deliberately tight receive timeout the tests below rely on.
        for (int attempt = 1; ; attempt++) {
            try {
                client.verify(VerifyLicenceRequest.of(UNKNOWN, "440115001000"));
                break;
            } catch (ProviderTimeoutException coldStart) {
                if (attempt == 5) {
                    throw coldStart;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.LICENCE);
    }

    private static VerifyLicenceResult verify(String licenceId) {
        return client.verify(new VerifyLicenceRequest(licenceId, "440115001000", "汕市监罚〔2025〕12号", "44150119850001"));
    }

    /** The sandbox's sample data (contracts/README.md), field by field. */
    static Stream<VerifyLicenceResult> sampleLicences() {
        return Stream.of(
                new VerifyLicenceResult(VALID_RESTAURANT, LicenceState.VALID, "营业执照", "11100000000013338W011",
                        "汕尾市城区海滨餐饮有限公司", "91441502MA4UJ0XX3T", "汕尾市市场监督管理局",
                        LocalDate.of(2024, 3, 1), LocalDate.of(2044, 2, 29)),
                new VerifyLicenceResult(EXPIRED_FOOD, LicenceState.EXPIRED, "食品经营许可证", "11100000000013338W011",
                        "海丰县鸿运食品商行", "92441521MA4X7H2C5E", "海丰县市场监督管理局",
                        LocalDate.of(2019, 5, 10), LocalDate.of(2024, 5, 9)),
                new VerifyLicenceResult(REVOKED_SHOP, LicenceState.REVOKED, "营业执照", "11100000000013338W011",
                        "陆丰市金厢渔具店", "92441581MA5AQ3LK0W", "陆丰市市场监督管理局",
                        LocalDate.of(2023, 6, 1), null),
                new VerifyLicenceResult(VALID_TRANSPORT, LicenceState.VALID, "道路运输经营许可证", "11100000MB0143166D001",
                        "陆河县顺通货运有限公司", "91441523MA4WB8QT2U", "陆河县交通运输局",
                        LocalDate.of(2025, 1, 15), LocalDate.of(2029, 1, 14)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("sampleLicences")
    void verify_whenSampleLicence_returnsItsStateAndFaceData(VerifyLicenceResult expected) {
        assertThat(verify(expected.licenceId())).isEqualTo(expected);
    }

    @Test
    void verify_whenLicenceUnknownToProvince_returnsNotFound() {
        assertThat(verify(UNKNOWN)).isEqualTo(VerifyLicenceResult.notFound(UNKNOWN));
    }

    @Test
    void verify_whenLicenceServiceOutage_throwsTransportUntilRestored() {
        sandbox.simulateOutage(SandboxService.LICENCE);

        assertThatThrownBy(() -> verify(VALID_RESTAURANT))
                .isInstanceOfSatisfying(ProviderTransportException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.isRetryable()).isTrue();
                });

        sandbox.restore(SandboxService.LICENCE);
        assertThat(verify(VALID_RESTAURANT).state()).isEqualTo(LicenceState.VALID);
    }

    @Test
    void verify_whenConnectionsReset_throwsTransport() {
        sandbox.simulateConnectionReset(SandboxService.LICENCE);

        assertThatThrownBy(() -> verify(VALID_RESTAURANT)).isInstanceOf(ProviderTransportException.class)
                .isNotInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void verify_whenLatencyAboveReceiveTimeout_throwsTimeoutUntilRestored() {
        sandbox.simulateLatency(SandboxService.LICENCE, RECEIVE_TIMEOUT.plusSeconds(2));

        long start = System.nanoTime();
        assertThatThrownBy(() -> verify(VALID_RESTAURANT)).isInstanceOf(ProviderTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RECEIVE_TIMEOUT.plusSeconds(1));

        sandbox.restore(SandboxService.LICENCE);
        assertThat(verify(VALID_RESTAURANT).state()).isEqualTo(LicenceState.VALID);
    }

    @Test
    void verify_whenLatencyBelowReceiveTimeout_stillAnswers() {
        sandbox.simulateLatency(SandboxService.LICENCE, Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThat(verify(EXPIRED_FOOD).state()).isEqualTo(LicenceState.EXPIRED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void verify_whenAnotherServiceIsDown_licenceStillAnswers() {
        sandbox.simulateOutage(SandboxService.SEAL);
        try {
            assertThat(verify(VALID_RESTAURANT).state()).isEqualTo(LicenceState.VALID);
        } finally {
            sandbox.restore(SandboxService.SEAL);
        }
    }
}
