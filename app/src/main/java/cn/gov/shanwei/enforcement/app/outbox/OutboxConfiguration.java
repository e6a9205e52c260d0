package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallProcessor;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.LoggingCallRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
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
     * The Camel JMS component of the durable consumers: local JMS session transactions on the broker's own factory,
     * without a {@code JmsTransactionManager}. A transaction manager over an uncached factory opened (and closed) a
     * connection and a session for every message, serialised on the factory's lock: that, not the database, held
     * the durable path near 200 messages per second (docs/benchmarks.md). With a locally transacted session the
     * listener container keeps one connection and, per consumer thread, one session and consumer (CACHE_CONSUMER);
     * a failed exchange still rolls the session back, so the broker redelivers exactly as before. The routes say
     * {@code lazyCreateTransactionManager=false} on their endpoints as well: Camel's Spring Boot starter copies its
     * own defaults (including {@code true} there) onto every JMS component bean.
     */
    public static final String DURABLE_JMS_COMPONENT = "durableJms";

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
    public DeliveryLedger deliveryLedger(JdbcClient jdbc, GroupCommit bookkeepingCommits, RelayTrigger trigger,
                                         Clock clock) {
        return new JdbcDeliveryLedger(jdbc, bookkeepingCommits, trigger, clock);
    }

    @Bean
    public OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
                                   ConnectionFactory connectionFactory, RelayTrigger trigger, Clock clock,
                                   DurableProperties properties) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        return new OutboxRelay(jdbc, transactions, jms, trigger, clock, properties);
    }

    @Bean(DURABLE_JMS_COMPONENT)
    public JmsComponent durableJms(ConnectionFactory connectionFactory) {
        JmsComponent component = new JmsComponent();
        component.setConnectionFactory(uncached(connectionFactory));
        component.setTransacted(true);
        component.setLazyCreateTransactionManager(false);
        component.setExposeListenerSession(true);
        return component;
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

    @Bean
    public RouteBuilder durableCallRoutes(ObjectProvider<DurableCallHandler> handlers, DeliveryLedger ledger,
                                          ObjectProvider<CallRecorder> recorder, Clock clock,
                                          CircuitBreakerRegistry breakers, HubProvidersProperties providers,
                                          DurableProperties properties, ObjectProvider<MessageLog> messageLogs) {
        List<DurableCallHandler> all = handlers.orderedStream().toList();
        operationsOf(all);
        for (DurableCallHandler handler : all) {
            requireRetriesOutlastAnOpenBreaker(handler, providers, properties);
        }
        CallRecorder callRecorder = recorder.getIfAvailable(LoggingCallRecorder::new);
        List<DurableCallProcessor> processors = all.stream()
                .map(handler -> new DurableCallProcessor(handler, ledger, callRecorder, clock, breakers,
                        messageLogs.getIfAvailable(() -> MessageLog.NONE)))
                .toList();
        return new DurableCallRoute(DURABLE_JMS_COMPONENT, processors, properties.consumers());
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
