package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code webhook.<type>}: delivers one event to the client's webhook receiver (ADR 0913). The body is
 * {@code {"id","type","occurredAt","data"}}, {@code data} being the resource as the client's API answers it now; the
 * URL and the signing keys are the client's registration of now, so a moved receiver or a rotated key applies to
 * events still waiting.
 *
 * <p><b>Resend is safe</b>: delivery is at least once and the event id never changes, so the receiver drops what it
 * has seen. A client that no longer receives this type, or an event whose resource the client does not own, is a
 * final failure (dead-lettered for ops to discard or replay after fixing the registration).
 */
public class WebhookDeliveryHandler implements DurableCallHandler {

    private final WebhookEventType type;
    private final ClientRegistry registry;
    private final WebhookResources resources;
    private final WebhookSender sender;
    private final ObjectMapper json;

    /**
     * @param json the API's object mapper, so {@code data} reads exactly as the API's answer does
     */
    public WebhookDeliveryHandler(WebhookEventType type, ClientRegistry registry, WebhookResources resources,
                                  WebhookSender sender, ObjectMapper json) {
        this.type = Objects.requireNonNull(type, "type");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The JSON body of a webhook. */
    record Envelope(String id, String type, Instant occurredAt, Object data) {
    }

    @Override
    public ProviderOperation operation() {
        return type.operation();
    }

    @Override
    public String execute(DurableCall call) {
        Webhooks.Payload payload = Webhooks.Payload.read(call.payload());
        String clientId = call.context().callingSystem();
        HubClient client = registry.find(clientId).orElseThrow(() -> refused("client", "no client " + clientId
                + " is registered any more"));
        HubClient.Webhook webhook = client.webhook().filter(w -> w.events().contains(type)).orElseThrow(() ->
                refused("webhook", "client " + clientId + " has no webhook for " + type.wireName() + " any more"));
        Object data = resources.find(clientId, call.businessKey()).orElseThrow(() -> refused("resourceKey",
                "client " + clientId + " has no " + call.businessKey()));
        byte[] body;
        try {
            body = json.writeValueAsBytes(new Envelope(payload.eventId(), type.wireName(), payload.occurredAt(),
                    data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook event " + payload.eventId(), e);
        }
        int status = sender.post(client, webhook.url(), payload.eventId(), type.wireName(), body);
        return payload.eventId() + ": HTTP " + status;
    }

    @Override
    public boolean resendIsSafe() {
        return true;
    }

    /** Never asked: a webhook is resent, never reconciled. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        throw new UnsupportedOperationException("a webhook is resent, never reconciled");
    }

    private AdapterValidationException refused(String field, String reason) {
        return new AdapterValidationException(WebhookSender.PROVIDER, type.wireName(), field, reason);
    }
}
