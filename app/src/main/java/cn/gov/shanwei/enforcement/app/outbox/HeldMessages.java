package cn.gov.shanwei.enforcement.app.outbox;

import java.util.Collection;
import java.util.Set;

/** Which messages a broker queue holds, told by a string property that each message carries (ADR 0412). */
@FunctionalInterface
public interface HeldMessages {

    /**
     * @param queue    the queue's name, e.g. {@code hub.durable.licence.usage-record} or its DLQ's
     * @param property the message property to match, e.g. {@code hubIdempotencyKey}
     * @param values   the values looked for
     * @return those of {@code values} that a message in the queue carries, whether waiting, paged, held by a consumer
     *         or waiting for a delayed redelivery; none if the broker has no such queue
     * @throws Exception if the broker cannot be asked; nothing may then be concluded
     */
    Set<String> held(String queue, String property, Collection<String> values) throws Exception;
}
