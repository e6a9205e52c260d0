package cn.gov.shanwei.enforcement.routes.durable;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Camel component of the durable consumers (ADR 0407): {@code <name>:<queue>?consumers=4&batchSize=100
 * &receiveTimeout=1000}. Each of the {@code consumers} threads has its own connection and locally transacted JMS
 * session and takes up to {@code batchSize} messages per transaction; the route's processor delivers the batch, and
 * the transaction commits if every message was delivered and rolls back otherwise (the broker then redelivers with
 * back-off and dead-letters). See {@link DurableQueueConsumer} for how a redelivered message is kept out of other
 * messages' transactions.
 */
public class DurableQueueComponent extends DefaultComponent {

    private final ConnectionFactory connectionFactory;

    /**
     * @param connectionFactory the broker's own factory (not a caching wrapper: each consumer thread keeps its own
     *                          connection, session and consumer for as long as it runs)
     */
    public DurableQueueComponent(ConnectionFactory connectionFactory) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("a durable queue endpoint names its queue: " + uri);
        }
        int consumers = atLeastOne("consumers", getAndRemoveParameter(parameters, "consumers", Integer.class, 1));
        int batchSize = atLeastOne("batchSize", getAndRemoveParameter(parameters, "batchSize", Integer.class, 100));
        long receiveTimeout = atLeastOne("receiveTimeout",
                getAndRemoveParameter(parameters, "receiveTimeout", Long.class, 1000L));
        return new DurableQueueEndpoint(uri, this, remaining, connectionFactory, consumers, batchSize,
                Duration.ofMillis(receiveTimeout));
    }

    private static <N extends Number> N atLeastOne(String name, N value) {
        if (value.longValue() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }
}
