package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.messagelog.JdbcMessageLog;
import cn.gov.shanwei.enforcement.app.monitoring.ArtemisQueueCounts;
import cn.gov.shanwei.enforcement.app.monitoring.JdbcCallRecorder;
import cn.gov.shanwei.enforcement.app.monitoring.ProviderCallMetrics;
import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryBookkeeping;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallProcessor;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute;
import cn.gov.shanwei.enforcement.routes.durable.DurableQueueComponent;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flow 2 wiring: the outbox use cases write to, the relay to the broker, the ledger, and one transacted consumer
 * route per {@link DurableCallHandler} bean. Adding a durable operation is adding a handler bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DurableProperties.class)
public class OutboxConfiguration {

    /**
     * The Camel component of the durable consumers ({@link DurableQueueComponent}): per consumer thread one connection
     * and one locally transacted session on the broker's own factory, taking a batch of messages per transaction
     * (ADR 0407; before, one message per transaction through Camel's JMS component, ADR 0406).
     */
    public static final String DURABLE_QUEUE_COMPONENT = "durableQueue";

    @Bean
    public RelayTrigger outboxRelayTrigger() {
        return new RelayTrigger();
    }

    @Bean
    public Outbox outbox(JdbcClient jdbc, ObjectProvider<DurableCallHandler> handlers, RelayTrigger trigger,
                         Clock clock) {
        return new JdbcOutbox(jdbc, operationsOf(handlers.orderedStream().toList()), trigger, clock);
    }

    @Bean
    public JdbcDeliveryLedger deliveryLedger(JdbcTemplate jdbc, GroupCommit bookkeepingCommits, RelayTrigger trigger,
                                             Clock clock) {
        return new JdbcDeliveryLedger(jdbc, bookkeepingCommits, trigger, clock);
    }

    @Bean
    public DeliveryBookkeeping deliveryBookkeeping(JdbcDeliveryLedger ledger, JdbcCallRecorder recorder,
                                                   JdbcMessageLog messageLog, GroupCommit bookkeepingCommits,
                                                   ProviderCallMetrics metrics) {
        return metrics.observingAttempts(new JdbcDeliveryBookkeeping(ledger, recorder, messageLog, bookkeepingCommits));
    }

    @Bean
    public OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
                                   ConnectionFactory connectionFactory, RelayTrigger trigger, Clock clock,
                                   DurableProperties properties) {
        return new OutboxRelay(jdbc, transactions, transactedJms(connectionFactory), trigger, clock, properties);
    }

    /** Stuck durable rows: gauges and health component {@code durableDeliveries}, read at most every 30 s. */
    @Bean
    public UnsettledDeliveries durableDeliveries(JdbcClient jdbc, ObjectProvider<DurableCallHandler> handlers,
                                                 DurableProperties properties, Clock clock) {
        return new UnsettledDeliveries(jdbc, sortedOperations(handlers), properties.stuckAfter(), clock,
                Duration.ofSeconds(30));
    }

    /**
     * The resync of stuck rows with the broker (ADR 0412): asks the broker's management address (as the queue gauges
     * do; each answer awaited at most 10 s, a filtered count walks the queue) and sends as the relay does.
     */
    @Bean
    public BrokerResync brokerResync(JdbcClient jdbc, PlatformTransactionManager transactions,
                                     ConnectionFactory connectionFactory, ObjectProvider<DurableCallHandler> handlers,
                                     DurableProperties properties, UnsettledDeliveries unsettled, Clock clock) {
        return new BrokerResync(jdbc, transactions, transactedJms(connectionFactory),
                new ArtemisQueueCounts(uncached(connectionFactory), Duration.ofSeconds(10)),
                sortedOperations(handlers), properties, unsettled, clock);
    }

    /** The template {@link OutboxRelay#send} needs: a session-transacted one, its messages committed together. */
    private static JmsTemplate transactedJms(ConnectionFactory connectionFactory) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        return jms;
    }

    /** The durable operations, by id: the order of the gauges, the health details and the resync. */
    public static List<ProviderOperation> sortedOperations(ObjectProvider<DurableCallHandler> handlers) {
        return handlers.orderedStream().map(DurableCallHandler::operation)
                .sorted(Comparator.comparing(ProviderOperation::id)).toList();
    }

    @Bean(DURABLE_QUEUE_COMPONENT)
    public DurableQueueComponent durableQueue(ConnectionFactory connectionFactory) {
        return new DurableQueueComponent(uncached(connectionFactory));
    }

    /**
     * The broker's own factory under Spring's caching wrapper: listener containers and short-lived transacted
     * sessions with selectors must not share cached consumers (an idle cached consumer would hold prefetched
     * messages).
     */
    public static ConnectionFactory uncached(ConnectionFactory connectionFactory) {
        return connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory()
                : connectionFactory;
    }

    /** The providers' bulkheads on the durable path, which also bound the overlapping calls of a batch (ADR 0408). */
    @Bean(destroyMethod = "close")
    public DurableBulkheads durableBulkheads(HubProvidersProperties providers) {
        return new DurableBulkheads(providers);
    }

    @Bean
    public RouteBuilder durableCallRoutes(ObjectProvider<DurableCallHandler> handlers, DeliveryLedger ledger,
                                          DeliveryBookkeeping bookkeeping, Clock clock,
                                          CircuitBreakerRegistry breakers, HubProvidersProperties providers,
                                          DurableProperties properties, DurableBulkheads bulkheads) {
        List<DurableCallHandler> all = handlers.orderedStream().toList();
        operationsOf(all);
        for (DurableCallHandler handler : all) {
            requireRetriesOutlastAnOpenBreaker(handler, providers, properties);
        }
        List<DurableCallProcessor> processors = all.stream()
                .map(handler -> DurableCallProcessor.withBookkeeping(handler, ledger, bookkeeping, clock, breakers,
                        bulkheads.of(handler.operation().provider())))
                .toList();
        return new DurableCallRoute(DURABLE_QUEUE_COMPONENT, processors, properties.consumers(),
                properties.consumerBatchSize());
    }

    /**
     * A durable call passes its provider's breaker (where the provider has one); while the breaker is open every
     * delivery is refused at once. If the broker's whole redelivery span were shorter than two open-state waits, a
     * short outage would dead-letter work that a little patience would have delivered. Checked for every provider
     * with a durable operation, since its breaker may be added later; not for webhooks, which never get one.
     *
     * @throws IllegalStateException naming both settings
     */
    static void requireRetriesOutlastAnOpenBreaker(DurableCallHandler handler, HubProvidersProperties providers,
                                                   DurableProperties properties) {
        if (!handler.operation().provider().isProvincial()) {
            return;   // webhooks pass no breaker: one receiver's outage must not hold back another's (ADR 0913)
        }
        Duration openStateWait = providers.settingsFor(handler.operation().provider()).openStateWait();
        if (properties.redeliverySpan().compareTo(openStateWait.multipliedBy(2)) < 0) {
            throw new IllegalStateException("hub.durable redelivery gives up after " + properties.redeliverySpan()
                    + ", less than twice hub.providers." + handler.operation().provider().code()
                    + ".open-state-wait (" + openStateWait + "): raise max-delivery-attempts or the delays");
        }
    }

    /**
     * @throws IllegalStateException if two handlers claim one operation
     */
    static Set<ProviderOperation> operationsOf(List<DurableCallHandler> handlers) {
        Set<ProviderOperation> operations = new HashSet<>();
        for (DurableCallHandler handler : handlers) {
            if (!operations.add(handler.operation())) {
                throw new IllegalStateException("Two durable call handlers for " + handler.operation());
            }
        }
        return operations;
    }
}
