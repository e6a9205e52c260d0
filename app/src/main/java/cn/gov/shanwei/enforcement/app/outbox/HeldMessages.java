package cn.gov.shanwei.enforcement.app.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which messages a broker queue holds, told by a string property that each message carries (ADR 0412). */
@FunctionalInterface
public interface HeldMessages {

    /**
     * @param queues   the queues' names, e.g. {@code hub.durable.licence.usage-record} and its DLQ's: asked in one
     *                 conversation with the broker
     * @param property the message property to match, e.g. {@code hubIdempotencyKey}
     * @param values   the values looked for
     * @return per queue, those of {@code values} that a message in it carries, whether waiting, paged, held by a
     *         consumer or waiting for a delayed redelivery; none for a queue the broker does not have
     * @throws Exception if the broker cannot be asked; nothing may then be concluded
     */
    Map<String, Set<String>> held(List<String> queues, String property, Collection<String> values) throws Exception;
}
