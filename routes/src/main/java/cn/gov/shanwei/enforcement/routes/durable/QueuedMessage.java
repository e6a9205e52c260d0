package cn.gov.shanwei.enforcement.routes.durable;

import java.util.Map;
import java.util.Objects;

/**
 * A message taken from an operation's queue, before it is read as a {@link DurableCall}.
 *
 * @param body          the text body (the payload)
 * @param properties    the message's properties by name (see {@link DurableMessage})
 * @param deliveryCount the broker's delivery count, 1 on the first delivery
 */
public record QueuedMessage(String body, Map<String, Object> properties, int deliveryCount) {

    public QueuedMessage {
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }
}
