package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistryProperties;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhooksTest {

    static final String SECRET = "a-secret-of-at-least-32-characters-0001";
    static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
    static final CallContext ORIGIN = new CallContext("town-portal", "44150001", "CQ-2026-9", "330217001000",
            "payment-PC-1", "trace-1");

    record Enqueued(ProviderOperation operation, String businessKey, String payload, CallContext context) {
    }

    final List<Enqueued> enqueued = new ArrayList<>();
    final Outbox outbox = (operation, businessKey, payload, context) -> {
        enqueued.add(new Enqueued(operation, businessKey, payload, context));
        return enqueued.size();
    };

    private Webhooks webhooks(Set<String> events) {
        Map<String, ClientRegistryProperties.Client> clients = Map.of(
                "town-portal", new ClientRegistryProperties.Client("城区", List.of(SECRET),
                        Set.of("payment.notice", "exchange.push"), List.of(), null,
                        new ClientRegistryProperties.Webhook("https://town.example/hub", events), List.of("*")),
                "no-hook", new ClientRegistryProperties.Client("x", List.of(SECRET), Set.of("payment.notice"),
                        List.of(), null, null, List.of("*")));
        return new Webhooks(new ClientRegistry(new ClientRegistryProperties(clients, null)), () -> outbox);
    }

    @Test
    void publish_forASubscribedClient_enqueuesTheEventUnderItsStableId_asTheClientsCall() {
        Webhooks webhooks = webhooks(Set.of());

        String id = webhooks.publish("town-portal", WebhookEventType.PAYMENT_PAID, "PC-1", "txn-1", AT, ORIGIN)
                .orElseThrow();
        String again = webhooks.publish("town-portal", WebhookEventType.PAYMENT_PAID, "PC-1", "txn-1", AT, ORIGIN)
                .orElseThrow();

        assertThat(id).matches("evt-[0-9a-f]{40}").isEqualTo(again);
        assertThat(enqueued).hasSize(2).allSatisfy(e -> {
            assertThat(e.operation().id()).isEqualTo("webhook.payment-paid");
            assertThat(e.businessKey()).isEqualTo("PC-1");
            assertThat(e.context().callingSystem()).isEqualTo("town-portal");
            assertThat(e.context().idempotencyKey()).isEqualTo(id);
            assertThat(e.context().matterCode()).isEqualTo("330217001000");
            assertThat(e.payload()).contains(id, "payment.paid", "2026-11-27T08:00:00Z");
        });
        assertThat(enqueued.get(0).payload()).isEqualTo(enqueued.get(1).payload());
    }

    @Test
    void eventIds_differ_byClientTypeResourceAndDiscriminator() {
        String base = Webhooks.eventId("a", WebhookEventType.PAYMENT_PAID, "PC-1", "txn-1");

        assertThat(List.of(Webhooks.eventId("b", WebhookEventType.PAYMENT_PAID, "PC-1", "txn-1"),
                Webhooks.eventId("a", WebhookEventType.PAYMENT_NOTICE_ISSUED, "PC-1", "txn-1"),
                Webhooks.eventId("a", WebhookEventType.PAYMENT_PAID, "PC-2", "txn-1"),
                Webhooks.eventId("a", WebhookEventType.PAYMENT_PAID, "PC-1", "txn-2"))).doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void publish_forAClientWithoutWebhookOrSubscription_orUnknown_enqueuesNothing() {
        Webhooks onlyPaid = webhooks(Set.of("payment.paid"));

        assertThat(onlyPaid.publish("town-portal", WebhookEventType.PAYMENT_NOTICE_ISSUED, "PC-1", "n", AT, ORIGIN))
                .isEmpty();
        assertThat(onlyPaid.publish("no-hook", WebhookEventType.PAYMENT_PAID, "PC-1", "n", AT, ORIGIN)).isEmpty();
        assertThat(onlyPaid.publish("shanwei-enforcement-hub", WebhookEventType.EXCHANGE_PUSH_COMPLETED, "x-1",
                "DELIVERED", AT, ORIGIN)).isEmpty();
        assertThat(enqueued).isEmpty();
    }
}
