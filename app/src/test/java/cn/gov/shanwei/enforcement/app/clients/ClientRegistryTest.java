package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRegistryTest {

    static final String SECRET = "a-secret-of-at-least-32-characters-0001";

    private static ClientRegistry registry(ClientRegistryProperties.Client client) {
        return new ClientRegistry(new ClientRegistryProperties(Map.of("market-supervision", client), null));
    }

    private static ClientRegistryProperties.Client client(List<String> purposes,
                                                          ClientRegistryProperties.RateLimit rateLimit) {
        return new ClientRegistryProperties.Client("市场监管", List.of(SECRET), Set.of("licence.verify", "map.geocode"),
                purposes, rateLimit);
    }

    @Test
    void mayClaim_onlyTheRegisteredMatterCodesOfARegisteredService() {
        HubClient client = registry(client(List.of("licence.verify=330217001000", " licence.verify=330217002000 "),
                null)).find("market-supervision").orElseThrow();

        assertThat(client.mayClaim("licence.verify", "330217001000")).isTrue();
        assertThat(client.mayClaim("licence.verify", "330217002000")).isTrue();
        assertThat(client.mayClaim("licence.verify", "999999999999")).isFalse();
        assertThat(client.mayClaim("map.geocode", "330217001000")).isFalse();
        assertThat(client.mayClaim("seal.apply", "330217001000")).isFalse();
        assertThat(client.grants()).containsExactly(
                Map.entry("licence.verify", Set.of("330217001000", "330217002000")),
                Map.entry("map.geocode", Set.of()));
    }

    @Test
    void mayClaim_withWildcard_allowsAnyMatterCodeButOnlyForThatService() {
        HubClient client = registry(client(List.of("licence.verify=*"), null)).find("market-supervision")
                .orElseThrow();

        assertThat(client.mayClaim("licence.verify", "anything")).isTrue();
        assertThat(client.mayClaim("map.geocode", "anything")).isFalse();
    }

    @Test
    void rateLimit_whenAbsent_isTheDefault_andBurstDefaultsToTheRate() {
        assertThat(registry(client(List.of(), null)).find("market-supervision").orElseThrow().rateLimit())
                .isEqualTo(ClientRegistry.DEFAULT_RATE_LIMIT);
        assertThat(registry(client(List.of(), new ClientRegistryProperties.RateLimit(7, null)))
                .find("market-supervision").orElseThrow().rateLimit()).isEqualTo(new HubClient.RateLimit(7, 7));
    }

    @Test
    void registry_whenEntriesAreBad_reportsEveryProblemNamingItsProperty() {
        ClientRegistryProperties.Client bad = new ClientRegistryProperties.Client("x", List.of("short"),
                Set.of("licence.verify"), List.of("licence.verify", "seal.apply=1", "licence.verify=has space"),
                new ClientRegistryProperties.RateLimit(0, 5));

        assertThatThrownBy(() -> new ClientRegistry(new ClientRegistryProperties(Map.of("Bad_Id", bad), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.clients.Bad_Id: a client id is 2-63 lower-case letters")
                .hasMessageContaining("hub.clients.Bad_Id.secrets: each secret needs at least 32 characters")
                .hasMessageContaining("'licence.verify' is not service=matterCode")
                .hasMessageContaining("'seal.apply=1' names a service not in hub.clients.Bad_Id.services")
                .hasMessageContaining("'licence.verify=has space' is not service=matterCode")
                .hasMessageContaining("hub.clients.Bad_Id.rate-limit.requests-per-second must be 1-100000, was 0");
    }

    @Test
    void registry_withThreeSecrets_refusesToStart() {
        ClientRegistryProperties.Client three = new ClientRegistryProperties.Client("x",
                List.of(SECRET, SECRET + "2", SECRET + "3"), Set.of(), null, null);

        assertThatThrownBy(() -> registry(three)).hasMessageContaining("two while a key is rotated");
    }

    private static ClientRegistryProperties.Client withWebhook(Set<String> services, String url, Set<String> events,
                                                               List<String> paymentUnits) {
        return new ClientRegistryProperties.Client("市场监管", List.of(SECRET), services, List.of(), null,
                new ClientRegistryProperties.Webhook(url, events), paymentUnits);
    }

    @Test
    void webhook_withoutEvents_receivesEveryEventOfItsServices_andBillsOnlyItsUnits() {
        HubClient client = registry(withWebhook(Set.of("payment.notice", "licence.verify"),
                "https://mkt.example.gov.cn/hub/events?v=1", Set.of(), List.of("SW-SCJ"))).find("market-supervision")
                .orElseThrow();

        assertThat(client.webhook()).hasValueSatisfying(w -> assertThat(w.url().getRawQuery()).isEqualTo("v=1"));
        assertThat(client.subscribes(WebhookEventType.PAYMENT_PAID)).isTrue();
        assertThat(client.subscribes(WebhookEventType.PAYMENT_NOTICE_ISSUED)).isTrue();
        assertThat(client.subscribes(WebhookEventType.EXCHANGE_PUSH_COMPLETED)).as("no exchange.push").isFalse();
        assertThat(client.mayBillFor("SW-SCJ")).isTrue();
        assertThat(client.mayBillFor("SW-HF-SCJ")).isFalse();
    }

    @Test
    void webhook_withListedEvents_receivesOnlyThose() {
        HubClient client = registry(withWebhook(Set.of("payment.notice", "exchange.push"),
                "https://mkt.example.gov.cn/hub", Set.of("payment.paid"), List.of("*"))).find("market-supervision")
                .orElseThrow();

        assertThat(client.subscribes(WebhookEventType.PAYMENT_PAID)).isTrue();
        assertThat(client.subscribes(WebhookEventType.PAYMENT_NOTICE_ISSUED)).isFalse();
        assertThat(client.subscribes(WebhookEventType.EXCHANGE_PUSH_COMPLETED)).isFalse();
        assertThat(client.mayBillFor("any-unit")).isTrue();
    }

    @Test
    void webhook_whenPlainHttpUnknownEventOrMissingService_refusesToStartNamingEachProperty() {
        ClientRegistryProperties.Client bad = withWebhook(Set.of("payment.notice"), "http://mkt.example.gov.cn/hub",
                Set.of("payment.refunded", "exchange.push-completed"), List.of("has space"));

        assertThatThrownBy(() -> registry(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.clients.market-supervision.webhook.url must use https")
                .hasMessageContaining("'payment.refunded' is not an event type")
                .hasMessageContaining("'exchange.push-completed' needs the service exchange.push")
                .hasMessageContaining("hub.clients.market-supervision.payment-units: 'has space'");
        assertThatThrownBy(() -> registry(withWebhook(Set.of("payment.notice"), "/relative", Set.of(), List.of())))
                .hasMessageContaining("webhook.url must be an absolute http(s) URL")
                .hasMessageContaining("payment-units must list the collecting units");
    }

    @Test
    void webhook_overPlainHttp_isAcceptedWhenTheDeploymentAllowsIt() {
        ClientRegistry registry = new ClientRegistry(new ClientRegistryProperties(Map.of("market-supervision",
                withWebhook(Set.of("payment.notice"), "http://127.0.0.1:8081/hub", Set.of(), List.of("*"))), null,
                true));

        assertThat(registry.find("market-supervision").orElseThrow().webhook()).isPresent();
    }

    @Test
    void signWebhook_signsWithEverySecret_whileAKeyIsRotated() {
        ClientRegistryProperties.Client rotating = new ClientRegistryProperties.Client("x",
                List.of(SECRET, SECRET + "-new"), Set.of(), List.of(), null);
        HubClient client = registry(rotating).find("market-supervision").orElseThrow();

        assertThat(WebhookSignature.signatures(client.signWebhook("canonical"))).containsExactly(
                HubRequestSignature.sign(SECRET, "canonical"), HubRequestSignature.sign(SECRET + "-new", "canonical"));
    }

    @Test
    void signOnReturnUrls_areMatchedExactly() {
        HubClient client = registry(new ClientRegistryProperties.Client("门户", List.of(SECRET),
                Set.of("identity.sign-on"), null, null, List.of("https://portal.example.gov.cn/sign-on/return",
                "http://localhost:9000/sign-on/return"))).find("market-supervision").orElseThrow();

        assertThat(client.mayReturnTo("https://portal.example.gov.cn/sign-on/return")).isTrue();
        assertThat(client.mayReturnTo("http://localhost:9000/sign-on/return")).isTrue();
        assertThat(client.mayReturnTo("https://portal.example.gov.cn/sign-on/return?next=/")).isFalse();
        assertThat(client.mayReturnTo("https://portal.example.gov.cn/sign-on")).isFalse();
        assertThat(client.mayReturnTo(null)).isFalse();
    }

    @Test
    void signOnReturnUrls_thatAreNotHttpsPages_orWithoutTheService_stopTheStart() {
        ClientRegistryProperties.Client bad = new ClientRegistryProperties.Client("x", List.of(SECRET),
                Set.of("licence.verify"), null, null, List.of("http://portal.example.gov.cn/return",
                "https://portal.example.gov.cn/return#top", "https://user@portal.example.gov.cn/return", "/return"));

        assertThatThrownBy(() -> registry(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sign-on-return-urls are set, but identity.sign-on is not in "
                        + "hub.clients.market-supervision.services")
                .hasMessageContaining("'http://portal.example.gov.cn/return' must be https (http only for localhost)")
                .hasMessageContaining("'https://portal.example.gov.cn/return#top' is not an absolute URL")
                .hasMessageContaining("'https://user@portal.example.gov.cn/return' is not an absolute URL")
                .hasMessageContaining("'/return' is not an absolute URL");
    }

    @Test
    void toString_neverShowsSecrets() {
        HubClient client = registry(client(List.of(), null)).find("market-supervision").orElseThrow();

        assertThat(client.toString()).doesNotContain(SECRET);
    }
}
