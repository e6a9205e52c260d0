package cn.gov.shanwei.enforcement.routes.durable;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import java.time.Duration;

/** A durable operation's queue as a Camel consumer endpoint (see {@link DurableQueueComponent}); it cannot produce. */
public class DurableQueueEndpoint extends DefaultEndpoint {

    private final String queue;
    private final ConnectionFactory connectionFactory;
    private final int consumers;
    private final int batchSize;
    private final Duration receiveTimeout;

    DurableQueueEndpoint(String uri, DurableQueueComponent component, String queue,
                         ConnectionFactory connectionFactory, int consumers, int batchSize,
                         Duration receiveTimeout) {
        super(uri, component);
        this.queue = queue;
        this.connectionFactory = connectionFactory;
        this.consumers = consumers;
        this.batchSize = batchSize;
        this.receiveTimeout = receiveTimeout;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("the relay sends to durable queues; " + getEndpointUri()
                + " only consumes");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DurableQueueConsumer consumer = new DurableQueueConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String queue() {
        return queue;
    }

    ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    public int consumers() {
        return consumers;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration receiveTimeout() {
        return receiveTimeout;
    }
}
