package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.app.outbox.OutboxConfiguration;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Monitoring records of provincial calls go to the hub's database, are queryable and purged by policy; the calls'
 * latency and errors, breaker states, the durable backlog and the broker's queues are exported as metrics.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    /**
     * The one group commit of the hub's book-keeping writes (ledger, monitoring records, message log): concurrent
     * consumers share their commits (ADR 0406). Works still waiting when the hub stops are committed then.
     */
    @Bean(destroyMethod = "flush")
    public GroupCommit bookkeepingCommits(PlatformTransactionManager transactions) {
        return new GroupCommit(transactions, 256);
    }

    @Bean
    public JdbcCallRecorder jdbcCallRecorder(JdbcTemplate jdbc, GroupCommit bookkeepingCommits) {
        return new JdbcCallRecorder(jdbc, bookkeepingCommits);
    }

    @Bean
    public ProviderCallMetrics providerCallMetrics(MeterRegistry registry) {
        return new ProviderCallMetrics(registry);
    }

    /** The recorder the routes use: each call is metered, then stored. (The durable path's is in the outbox's.) */
    @Bean
    @Primary
    public CallRecorder callRecorder(JdbcCallRecorder jdbcCallRecorder, ProviderCallMetrics metrics) {
        return metrics.observingCalls(jdbcCallRecorder);
    }

    @Bean
    public ProviderCallQueries providerCallQueries(JdbcClient jdbc, Clock clock) {
        return new ProviderCallQueries(jdbc, clock);
    }

    @Bean
    public RetentionPurge retentionPurge(ProviderCallQueries queries, JdbcClient jdbc, Clock clock,
                                         @Value("${hub.monitoring.retention:180d}") Duration retention,
                                         @Value("${hub.durable.settled-retention:30d}") Duration settledRetention,
                                         @Value("${hub.cases.creation-key-retention:30d}") Duration keyRetention,
                                         @Value("${hub.monitoring.purge-interval:1h}") Duration interval) {
        return new RetentionPurge(queries, jdbc, clock, retention, settledRetention, keyRetention, interval);
    }

    @Bean
    public RoutesHealthIndicator routesHealthIndicator(CamelContext camel) {
        return new RoutesHealthIndicator(camel);
    }

    @Bean
    public HubMetrics hubMetrics(CircuitBreakerRegistry breakers, JdbcClient jdbc,
                                 ObjectProvider<DurableCallHandler> handlers, Clock clock) {
        return new HubMetrics(breakers, jdbc,
                handlers.orderedStream().map(handler -> handler.operation().id()).sorted().toList(), clock);
    }

    /** Broker queue depth and DLQ size per durable operation, read at most once a second. */
    @Bean(destroyMethod = "close")
    public DurableQueueMetrics durableQueueMetrics(ConnectionFactory connectionFactory,
                                                   ObjectProvider<DurableCallHandler> handlers, Clock clock) {
        return queueGauges(brokerCounts(OutboxConfiguration.uncached(connectionFactory)),
                OutboxConfiguration.sortedOperations(handlers), clock);
    }

    /** The broker's counts as the gauges ask them: each answer awaited at most 2 s. */
    static ArtemisQueueCounts brokerCounts(ConnectionFactory uncached) {
        return new ArtemisQueueCounts(uncached, Duration.ofSeconds(2));
    }

    /** The gauges over {@code counts}: the broker asked at most once a second, a scrape waiting at most 500 ms. */
    static DurableQueueMetrics queueGauges(QueueCounts counts, List<ProviderOperation> operations, Clock clock) {
        return new DurableQueueMetrics(counts, operations, clock, Duration.ofSeconds(1), Duration.ofMillis(500));
    }
}
