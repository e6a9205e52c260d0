package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistryProperties;
import cn.gov.shanwei.enforcement.app.webhook.WebhookDeliveryHandler;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.app.webhook.WebhookSender;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DurablePropertiesTest {

    private static final HttpEffectHandler EXCHANGE_EFFECT =
            new HttpEffectHandler(java.net.URI.create("http://127.0.0.1:9/unused"));

    @Test
    void redeliverySpan_withTheDefaults_coversAboutAnHourOfOutage() {
        DurableProperties defaults = new DurableProperties(null, null, null, null, null, null, null, null, null, null);

        // 1+2+4+…+256 s, then 10 × 5 min
        assertThat(defaults.redeliverySpan()).isEqualTo(Duration.ofSeconds(511 + 10 * 300));
    }

    @Test
    void redeliverySpan_shorterThanTwoOpenBreakerWaits_stopsTheHubWithBothSettingsNamed() {
        DurableProperties impatient = new DurableProperties(null, null, null, null, Duration.ofMillis(100), 2.0,
                Duration.ofMillis(400), 8, null, null);
        HubProvidersProperties tenSecondWait = new HubProvidersProperties(Map.of());

        assertThatThrownBy(() -> OutboxConfiguration.requireRetriesOutlastAnOpenBreaker(EXCHANGE_EFFECT,
                tenSecondWait, impatient))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.providers.exchange.open-state-wait")
                .hasMessageContaining("max-delivery-attempts");
        HubProvidersProperties oneSecondWait = new HubProvidersProperties(Map.of("exchange",
                new ProviderCallSettings(null, null, null, null, null, null, null, null, null, null, null,
                        Duration.ofSeconds(1), null, null)));
        assertThatNoException().isThrownBy(() -> OutboxConfiguration.requireRetriesOutlastAnOpenBreaker(
                EXCHANGE_EFFECT, oneSecondWait, impatient));
    }

    @Test
    void stuckAfter_defaultsToThreeLongestBackOffsButAtLeastFifteenMinutes_andRefusesLessThanTwo() {
        assertThat(new DurableProperties(null, null, null, null, null, null, null, null, null, null).stuckAfter())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(new DurableProperties(null, null, null, null, null, null, Duration.ofMinutes(10), null, null, null)
                .stuckAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(new DurableProperties(null, null, null, null, null, null, null, null, null, null)
                .resyncInterval()).as("no scheduled resync unless asked for").isZero();
        assertThatThrownBy(() -> new DurableProperties(null, null, null, null, null, null, Duration.ofMinutes(5),
                null, Duration.ofMinutes(9), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.durable.stuck-after must be at least twice max-redelivery-delay");
    }

    @Test
    void redeliverySpan_ofAWebhook_isNotBoundByABreakerWait_forWebhooksPassNone() {
        DurableProperties impatient = new DurableProperties(null, null, null, null, Duration.ofMillis(100), 2.0,
                Duration.ofMillis(400), 8, null, null);
        DurableCallHandler webhook = new WebhookDeliveryHandler(WebhookEventType.PAYMENT_PAID,
                new ClientRegistry(new ClientRegistryProperties(Map.of(), null)), (client, key) -> Optional.empty(),
                new WebhookSender(HttpClient.newHttpClient(), Duration.ofSeconds(1), Clock.systemUTC()),
                new ObjectMapper());

        assertThatNoException().isThrownBy(() -> OutboxConfiguration.requireRetriesOutlastAnOpenBreaker(webhook,
                new HubProvidersProperties(Map.of()), impatient));
    }
}
