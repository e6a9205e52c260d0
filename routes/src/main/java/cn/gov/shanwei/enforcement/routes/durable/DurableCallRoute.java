package cn.gov.shanwei.enforcement.routes.durable;

import org.apache.camel.builder.RouteBuilder;

import java.util.List;
import java.util.Objects;

/**
 * Flow 2's consumers, one route per operation: batches of messages from the operation's persistent queue, each batch
 * in one locally transacted JMS session ({@link DurableQueueComponent}), delivered by its {@link DurableCallProcessor}.
 * No Camel error handler and no Camel redelivery: a batch with an undelivered message fails the exchange, which rolls
 * the JMS transaction back, and the broker redelivers with delay, multiplier and cap, then dead-letters (stack trap 5:
 * the broker is the one owner of retries). A message is acknowledged only after its effect is settled in the ledger.
 * The route is where the consumer is started, stopped and its health shown (ops page, {@code routes} health).
 */
public final class DurableCallRoute extends RouteBuilder {

    private final String component;
    private final List<DurableCallProcessor> processors;
    private final int consumers;
    private final int batchSize;

    /**
     * @param component  the name of a {@link DurableQueueComponent} bean (e.g. {@code durableQueue})
     * @param processors one per operation
     * @param consumers  concurrent consumers on each queue (different cases in parallel)
     * @param batchSize  most messages one consumer takes in one transaction
     */
    public DurableCallRoute(String component, List<DurableCallProcessor> processors, int consumers, int batchSize) {
        this.component = Objects.requireNonNull(component, "component");
        this.processors = List.copyOf(processors);
        if (consumers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("consumers and batchSize must be at least 1");
        }
        this.consumers = consumers;
        this.batchSize = batchSize;
    }

    /** The route id of an operation's consumer, e.g. {@code durable-licence-usage-record}. */
    public static String routeId(ProviderOperation operation) {
        return "durable-" + operation.provider().code() + "-" + operation.name();
    }

    @Override
    public void configure() {
        for (DurableCallProcessor processor : processors) {
            ProviderOperation operation = processor.operation();
            from(component + ":" + operation.queue() + "?consumers=" + consumers + "&batchSize=" + batchSize)
                    .routeId(routeId(operation))
                    .errorHandler(noErrorHandler())
                    .process(processor);
        }
    }
}
