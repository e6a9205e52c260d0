package cn.gov.shanwei.enforcement.routes.durable;

import org.apache.camel.builder.RouteBuilder;

import java.util.Objects;

/**
 * Flow 2's consumer for one operation: a transacted JMS consumer on the operation's persistent queue calling the
 * {@link DurableCallProcessor}. No Camel error handler and no Camel redelivery: a failed exchange rolls the JMS
 * transaction back and the broker redelivers with delay, multiplier and cap, then dead-letters (stack trap 5: the
 * broker is the one owner of retries). A message is acknowledged only after its effect is settled in the ledger.
 */
public final class DurableCallRoute extends RouteBuilder {

    private final String component;
    private final ProviderOperation operation;
    private final DurableCallProcessor processor;
    private final int consumers;

    /**
     * @param component the name of a transacted JMS component bean (e.g. {@code durableJms})
     * @param consumers concurrent consumers on the queue (different cases in parallel)
     */
    public DurableCallRoute(String component, ProviderOperation operation, DurableCallProcessor processor,
                            int consumers) {
        this.component = Objects.requireNonNull(component, "component");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.processor = Objects.requireNonNull(processor, "processor");
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1");
        }
        this.consumers = consumers;
    }

    /** The route id of an operation's consumer, e.g. {@code durable-licence-usage-record}. */
    public static String routeId(ProviderOperation operation) {
        return "durable-" + operation.provider().code() + "-" + operation.name();
    }

    @Override
    public void configure() {
        from(component + ":queue:" + operation.queue()
                + "?transacted=true&concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + consumers
                + "&cacheLevelName=CACHE_CONSUMER")
                .routeId(routeId(operation))
                .errorHandler(noErrorHandler())
                .process(processor);
    }
}
