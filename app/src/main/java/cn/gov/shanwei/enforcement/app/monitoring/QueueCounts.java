package cn.gov.shanwei.enforcement.app.monitoring;

import java.util.Collection;
import java.util.Map;

/** How many messages the broker holds in some queues. */
@FunctionalInterface
public interface QueueCounts {

    /**
     * @return a count for each of {@code queues}, 0 for a queue the broker does not have
     * @throws Refused    if the broker answers that the hub's user may not ask (a permission to grant, not an outage)
     * @throws Exception if the broker could not be asked
     */
    Map<String, Long> messageCounts(Collection<String> queues) throws Exception;

    /** The broker refuses the hub's user the question; the message names the permission to grant. */
    final class Refused extends Exception {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
