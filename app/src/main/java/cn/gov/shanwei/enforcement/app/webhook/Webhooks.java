package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.outbox.OutboxPayloads;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the hub's own use cases hand over an event for a client's webhook (ADR 0913), <b>in their transaction</b>:
 * the event exists exactly when the change it reports committed, and is then delivered durably by its
 * {@link WebhookEventType#operation()} — at least once, retried with back-off, in order per client and resource.
 */
public class Webhooks {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ClientRegistry registry;
    private final Supplier<Outbox> outbox;

    /**
     * @param outbox looked up on first use: the outbox is built from the durable handlers, some of which publish
     */
    public Webhooks(ClientRegistry registry, Supplier<Outbox> outbox) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * The outbox payload of one event: what the delivery needs besides the resource, read at delivery time.
     *
     * @param eventId    stable across every retry and replay
     * @param type       the event's wire name
     * @param occurredAt when the reported change happened
     */
    public record Payload(String eventId, String type, Instant occurredAt) {

        String json() {
            return OutboxPayloads.write(JSON, this, "webhook event");
        }

        static Payload read(String json) {
            return OutboxPayloads.read(JSON, json, Payload.class, Provider.WEBHOOK.code(), "deliver",
                    "webhook event");
        }
    }

    /**
     * Enqueues an event for {@code clientId} if its webhook subscribes to {@code type}; does nothing otherwise.
     * Must run inside the transaction that records the change.
     *
     * @param resourceKey   the resource the event is about (notice id, tracking id): the outbox business key and,
     *                      with the client, the ordering key — events of one resource reach the client in order
     * @param discriminator what makes this event of the resource unique (e.g. the notice number, the payment's
     *                      transaction id): the event id is derived from client, type, resource and discriminator,
     *                      so handing the same event over twice is one event
     * @param occurredAt    when the change happened (part of the event; pass the recorded time, not "now", so a
     *                      repeated hand-over is identical)
     * @param origin        the call that led to the change: its matter code, case and officer go with the delivery's
     *                      monitoring record
     * @return the event id, if the client receives this event
     */
    public Optional<String> publish(String clientId, WebhookEventType type, String resourceKey, String discriminator,
                                    Instant occurredAt, CallContext origin) {
        HubClient client = registry.find(clientId).orElse(null);
        if (client == null || !client.subscribes(type)) {
            return Optional.empty();
        }
        String eventId = eventId(clientId, type, resourceKey, discriminator);
        outbox.get().enqueue(type.operation(), resourceKey, new Payload(eventId, type.wireName(), occurredAt).json(),
                new CallContext(clientId, origin.officerId(), origin.caseNumber(), origin.matterCode(), eventId,
                        origin.traceId()));
        return Optional.of(eventId);
    }

    /** {@code evt-} and 40 hex digits of SHA-256(client, type, resource, discriminator). */
    static String eventId(String clientId, WebhookEventType type, String resourceKey, String discriminator) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((clientId + "\n" + type.wireName() + "\n"
                    + resourceKey + "\n" + discriminator).getBytes(StandardCharsets.UTF_8));
            return "evt-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
