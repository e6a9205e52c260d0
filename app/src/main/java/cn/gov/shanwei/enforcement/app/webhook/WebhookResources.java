package cn.gov.shanwei.enforcement.app.webhook;

import java.util.Optional;

/**
 * Where an event's {@code data} comes from: the resource concerned, read at delivery time as the client's own API
 * answers it (a payment notice, a push status), so the webhook and the API never disagree about its shape.
 */
@FunctionalInterface
public interface WebhookResources {

    /**
     * @param clientId    the client the event goes to; only its own resources are found
     * @param resourceKey the event's business key (a notice id, a tracking id)
     * @return the resource, serialisable as JSON; empty if the client has no such resource
     */
    Optional<Object> find(String clientId, String resourceKey);
}
