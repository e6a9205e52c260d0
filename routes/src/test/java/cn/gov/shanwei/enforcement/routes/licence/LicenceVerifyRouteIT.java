package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;
import cn.gov.shanwei.enforcement.routes.config.LicenceRouteConfiguration;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The {@code licence-verify} route against the province sandbox: results, retries within the budget, per-attempt
 * timeouts, the breaker failing fast when open (trap 3), and recovery.
 */
@SpringBootTest(classes = LicenceVerifyRouteIT.TestApplication.class, properties = {
        "hub.providers.licence.connect-timeout=300ms",
        "hub.providers.licence.read-timeout=700ms",
        "hub.providers.licence.total-timeout=3s",
        "hub.providers.licence.max-attempts=3",
        "hub.providers.licence.backoff-initial=50ms",
        "hub.providers.licence.backoff-max=200ms",
        "hub.providers.licence.sliding-window-size=4",
        "hub.providers.licence.minimum-calls=4",
        "hub.providers.licence.open-state-wait=1s",
        "hub.providers.licence.retry-after-when-down=7s",
        "camel.main.name=routes-it"
})
class LicenceVerifyRouteIT {

    static final LicenceId VALID = LicenceId.parse(
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z");
    static final LicenceId UNKNOWN = LicenceId.parse(
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2025999999.001.8");
    static final CallContext CONTEXT = CallContext.of("routes-it", "officer-1", "SW-2026-0001", "330217001000",
            "trace-routes-it-0001");

    static final ProvinceSandbox SANDBOX = ProvinceSandbox.start();
    static final List<CallRecord> RECORDS = new CopyOnWriteArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(LicenceRouteConfiguration.class)
    static class TestApplication {

        @Bean
        ProviderEndpoints providerEndpoints() {
            return provider -> SANDBOX.endpoint(SandboxService.valueOf(provider.name()));
        }

        @Bean
        CallRecorder callRecorder() {
            return RECORDS::add;
        }
    }

    @Autowired
    LicenceRegistry registry;

    @Autowired
    @Qualifier(LicenceRouteConfiguration.BREAKER_BEAN)
    CircuitBreaker breaker;

    @BeforeEach
    void reset() {
        SANDBOX.restore(SandboxService.LICENCE);
        breaker.reset();
        RECORDS.clear();
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void verify_whenLicenceValid_returnsFaceDataWithHolderIdMasked() {
        LicenceVerification verification = registry.verify(VALID, CONTEXT);

        assertThat(verification.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(verification.details()).hasValueSatisfying(details -> {
            assertThat(details.holderName()).isEqualTo("汕尾市城区海滨餐饮有限公司");
            assertThat(details.holderIdMasked()).isEqualTo("9144************3T");
        });
        assertThat(RECORDS).singleElement().satisfies(callRecord -> {
            assertThat(callRecord.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(callRecord.attempts()).isEqualTo(1);
            assertThat(callRecord.provider()).isEqualTo(Provider.LICENCE);
            assertThat(callRecord.context().matterCode()).isEqualTo("330217001000");
            assertThat(callRecord.leg()).isNotNull().satisfies(leg -> {
                assertThat(leg.requestOutTs()).isBetween(callRecord.requestInTs(), callRecord.responseOutTs());
                assertThat(leg.responseInTs()).isBetween(leg.requestOutTs(), callRecord.responseOutTs());
                assertThat(leg.requestBytes()).isPositive();
                assertThat(leg.responseBytes()).isGreaterThan(leg.requestBytes());
                assertThat(leg.status()).isEqualTo("SUCCESS");
            });
        });
    }

    @Test
    void verify_whenLicenceUnknown_returnsNotFoundResultNotAnException() {
        LicenceVerification verification = registry.verify(UNKNOWN, CONTEXT);

        assertThat(verification.status()).isEqualTo(LicenceStatus.NOT_FOUND);
        assertThat(verification.details()).isEmpty();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void verify_whenProviderDown_retriesThenFailsAsUnavailableWithinTotalBudget() {
        SANDBOX.simulateOutage(SandboxService.LICENCE);
        long start = System.nanoTime();

        assertThatThrownBy(() -> registry.verify(VALID, CONTEXT))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.provider()).isEqualTo(Provider.LICENCE);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(RECORDS).singleElement().satisfies(callRecord -> {
            assertThat(callRecord.outcome()).isEqualTo(CallOutcome.UNAVAILABLE);
            assertThat(callRecord.attempts()).isEqualTo(3);
        });
    }

    @Test
    void verify_whenProviderSlowerThanAnAttempt_timesOutWithoutPassingTheTotalBudget() {
        SANDBOX.simulateLatency(SandboxService.LICENCE, Duration.ofSeconds(4));
        long start = System.nanoTime();

        assertThatThrownBy(() -> registry.verify(VALID, CONTEXT)).isInstanceOf(ProviderUnavailableException.class);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofMillis(3300));
        assertThat(RECORDS).singleElement()
                .satisfies(callRecord -> assertThat(callRecord.outcome()).isEqualTo(CallOutcome.UNAVAILABLE));
    }

    @Test
    void verify_whenBreakerOpens_failsFastThenRecoversOnceProviderIsBack() {
        SANDBOX.simulateOutage(SandboxService.LICENCE);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> registry.verify(VALID, CONTEXT)).isInstanceOf(ProviderUnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.verify(VALID, CONTEXT))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
        assertThat(RECORDS.get(RECORDS.size() - 1).outcome()).isEqualTo(CallOutcome.REJECTED_LOCALLY);

        SANDBOX.restore(SandboxService.LICENCE);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .ignoreException(ProviderUnavailableException.class).untilAsserted(() ->
                assertThat(registry.verify(VALID, CONTEXT).status()).isEqualTo(LicenceStatus.VALID));
    }
}
