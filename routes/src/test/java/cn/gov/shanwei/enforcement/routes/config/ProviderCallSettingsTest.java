package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.support.CallBudget;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-operation limits over the provider's, their checks at binding, and the jittered back-off in the budget. */
class ProviderCallSettingsTest {

    @Test
    void operationOverrides_replaceOnlyWhatTheySet_andOtherOperationsKeepTheProvidersLimits() {
        HubProvidersProperties properties = bind(Map.of(
                "hub.providers.map.connect-timeout", "500ms",
                "hub.providers.map.read-timeout", "2s",
                "hub.providers.map.total-timeout", "6s",
                "hub.providers.map.max-attempts", "3",
                "hub.providers.map.operations.reverse-geocode.attempt-timeout", "800ms",
                "hub.providers.map.operations.reverse-geocode.total-timeout", "2s",
                "hub.providers.map.operations.tile.max-attempts", "1"));
        ProviderCallSettings map = properties.settingsFor(Provider.MAP);

        CallLimits reverse = map.limitsFor("reverseGeocode");
        assertThat(reverse.attemptTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(reverse.totalTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(reverse.maxAttempts()).isEqualTo(3);
        CallLimits tile = map.limitsFor("tile");
        assertThat(tile.attemptTimeout()).isEqualTo(Duration.ofMillis(2750));
        assertThat(tile.totalTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(tile.maxAttempts()).isEqualTo(1);
        assertThat(map.limitsFor("geocode")).isEqualTo(new CallLimits(Duration.ofMillis(2750), Duration.ofSeconds(6),
                3, Duration.ofMillis(200), Duration.ofSeconds(2)));
        assertThat(properties.settingsFor(Provider.EXCHANGE).limitsFor("reverseGeocode").attemptTimeout())
                .isEqualTo(ProviderCallSettings.defaults().attemptTimeout());
    }

    @Test
    void limitsForAnOperationNoRouteCalls_failTheStart_namingTheKnownOnes() {
        assertThatThrownBy(() -> bind(Map.of("hub.providers.map.operations.geocodee.max-attempts", "1")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("hub.providers.map.operations names geocodee")
                .hasMessageContaining("[divisionOf, features, geocode, reverseGeocode, tile]");
        assertThatThrownBy(() -> bind(Map.of("hub.providers.seal.operations.sign.max-attempts", "1")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("durable path only");
        assertThat(bind(Map.of("hub.providers.exchange.operations.law_article.max-attempts", "1"))
                .settingsFor(Provider.EXCHANGE).limitsFor(BaseLibraryClient.LAW).maxAttempts())
                .as("any spelling of a known operation").isEqualTo(1);
    }

    @Test
    void anOperationWhoseAttemptIsLongerThanItsTotal_failsTheStartWithTheOperationNamed() {
        assertThatThrownBy(() -> bind(Map.of(
                "hub.providers.map.total-timeout", "8s",
                "hub.providers.map.operations.features.attempt-timeout", "3s",
                "hub.providers.map.operations.features.total-timeout", "2s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("operations.features.totalTimeout PT2S is shorter than one attempt (PT3S)");
    }

    @Test
    void anOperationsOwnTotalShorterThanTheProvidersAttempt_isRefused() {
        // the provider's attempt (1s + 3s + 250ms) is kept by the operation, so its 2s total holds no attempt
        assertThatThrownBy(() -> bind(Map.of("hub.providers.exchange.operations.checkPerson.total-timeout", "2s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("operations.checkPerson.totalTimeout PT2S is shorter than one attempt");
    }

    @Test
    void nonPositiveOrTooLongOverrides_areRefused() {
        assertThatThrownBy(() -> bind(Map.of("hub.providers.map.operations.tile.attempt-timeout", "0s")))
                .rootCause().hasMessage("operations.tile.attemptTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> bind(Map.of("hub.providers.map.operations.tile.max-attempts", "0")))
                .rootCause().hasMessage("operations.tile.maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> bind(Map.of("hub.providers.map.operations.tile.attempt-timeout", "10s")))
                .rootCause().hasMessageStartingWith("operations.tile.attemptTimeout PT10S is longer than the"
                        + " provider's attempt");
        assertThatThrownBy(() -> bind(Map.of(
                "hub.providers.map.operations.tile.max-attempts", "1",
                "hub.providers.map.operations.TILE.max-attempts", "2")))
                .rootCause().hasMessageContaining("is set twice");
    }

    @Test
    void jitteredBackoff_staysWithinFifteenPercentAndTheCap() {
        CallLimits limits = new CallLimits(Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofMillis(200),
                Duration.ofMillis(700));

        assertThat(limits.jitteredBackoffBefore(1, 0.0)).isEqualTo(Duration.ofMillis(170));
        assertThat(limits.jitteredBackoffBefore(1, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(limits.jitteredBackoffBefore(1, 1.0)).isEqualTo(Duration.ofMillis(230));
        assertThat(limits.jitteredBackoffBefore(2, 1.0)).isEqualTo(Duration.ofMillis(460));
        assertThat(limits.jitteredBackoffBefore(3, 0.0)).isEqualTo(Duration.ofMillis(595));
        assertThat(limits.jitteredBackoffBefore(3, 1.0)).isEqualTo(Duration.ofMillis(700));
        assertThatThrownBy(() -> limits.jitteredBackoffBefore(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budget_refusesARetryWhoseJitteredDelayAndAttemptPassTheDeadline() {
        // 100 ms attempts in 420 ms: after a first attempt of 100 ms, 200 ms of back-off fit but 230 ms do not.
        CallLimits limits = new CallLimits(Duration.ofMillis(100), Duration.ofMillis(420), 3, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        // A budget 100 ms into a 420 ms call is one just started with 320 ms left.
        CallBudget later = CallBudget.start(Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC),
                limits.totalTimeout().minusMillis(100), limits.attemptTimeout(), limits.maxAttempts());

        assertThat(later.allowsAnotherAttempt(limits.backoffBefore(1))).isTrue();
        assertThat(later.allowsAnotherAttempt(limits.jitteredBackoffBefore(1, 0.5))).isTrue();
        assertThat(later.allowsAnotherAttempt(limits.jitteredBackoffBefore(1, 1.0))).isFalse();
        for (double unit = 0; unit <= 1; unit += 0.05) {
            Duration delay = limits.jitteredBackoffBefore(1, unit);
            if (later.allowsAnotherAttempt(delay)) {
                assertThat(delay.plus(limits.attemptTimeout()).plusMillis(100)).isLessThanOrEqualTo(limits.totalTimeout());
            }
        }
    }

    private static HubProvidersProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("hub", HubProvidersProperties.class)
                .orElseGet(() -> new HubProvidersProperties(Map.of()));
    }
}
