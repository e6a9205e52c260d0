package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.outbox.OutboxConfiguration;
import cn.gov.shanwei.enforcement.app.outbox.RelayTrigger;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.stream.Collectors;

/** The ops API's services: dead-letter queues and the audit of every ops action. */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    public DeadLetterQueues deadLetterQueues(ConnectionFactory connectionFactory, JdbcClient jdbc,
                                             PlatformTransactionManager transactions,
                                             ObjectProvider<DurableCallHandler> handlers, RelayTrigger trigger,
                                             Clock clock) {
        return new DeadLetterQueues(OutboxConfiguration.uncached(connectionFactory), jdbc, transactions,
                handlers.orderedStream().map(DurableCallHandler::operation).collect(Collectors.toSet()), trigger,
                clock);
    }

    @Bean
    public OpsAudit opsAudit(JdbcClient jdbc, Clock clock) {
        return new OpsAudit(jdbc, clock);
    }
}
