package cn.gov.shanwei.enforcement.app.monitoring;

import java.util.Collection;
import java.util.Map;

/** How many messages the broker holds in some queues. */
@FunctionalInterface
public interface QueueCounts {

    /**
     * @return a count for each of {@code queues}, 0 for a queue the broker does not have
     * @throws Exception if the broker could not be asked
     */
    Map<String, Long> messageCounts(Collection<String> queues) throws Exception;
}
