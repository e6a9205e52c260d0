package cn.gov.shanwei.enforcement.routes.durable;

import org.apache.camel.builder.RouteBuilder;

import java.util.List;
import java.util.Objects;

/**
 * Flow 2's consumers, one route per operation: a transacted JMS consumer on the operation's persistent queue calling its
 * {@link DurableCallProcessor}. No Camel error handler and no Camel redelivery: a failed exchange rolls the JMS
 * transaction back and the broker redelivers with delay, multiplier and cap, then dead-letters (stack trap 5: the
 * broker is the one owner of retries). A message is acknowledged only after its effect is settled in the ledger.
 *
 * <p>The transaction is the consumer's own locally transacted JMS session ({@code lazyCreateTransactionManager=false},
 * and {@code exposeListenerSession=true}, both set on the endpoint because Camel's Spring Boot starter copies its
 * defaults onto every JMS component): the listener
 * container then keeps one connection and one session and consumer per thread. With a {@code JmsTransactionManager}
 * every delivery, and every idle receive, opened and closed a connection (ADR 0406).
 */
public final class DurableCallRoute extends RouteBuilder {

    private final String component;
    private final List<DurableCallProcessor> processors;
    private final int consumers;

    /**
     * @param component the name of a transacted JMS component bean (e.g. {@code durableJms})
     * @param processors one per operation
     * @param consumers concurrent consumers on each queue (different cases in parallel)
     */
    public DurableCallRoute(String component, List<DurableCallProcessor> processors, int consumers) {
        this.component = Objects.requireNonNull(component, "component");
        this.processors = List.copyOf(processors);
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
        for (DurableCallProcessor processor : processors) {
            ProviderOperation operation = processor.operation();
            from(component + ":queue:" + operation.queue()
                    + "?transacted=true&lazyCreateTransactionManager=false&exposeListenerSession=true"
                    + "&concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + consumers
                    + "&cacheLevelName=CACHE_CONSUMER")
                    .routeId(routeId(operation))
                    .errorHandler(noErrorHandler())
                    .process(processor);
        }
    }
}
