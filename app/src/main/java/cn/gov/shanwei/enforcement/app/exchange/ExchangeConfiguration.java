package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.app.webhook.Webhooks;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.reporting.ConfirmedPublications;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The data-sharing exchange (ADR 0310-0312): the three durable operations, the delivery of the configured
 * {@code hub.exchange.mode}, the case platform's {@code PenaltyReporting} and {@code ProcedureReporting} ports and the
 * push endpoint's services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeConfiguration {

    @Bean(destroyMethod = "close")
    public ExchangeProvider exchangeProvider(ProviderEndpoints endpoints, HubProvidersProperties providers,
                                             ExchangeProperties properties) {
        return new ExchangeProvider(endpoints, providers, properties);
    }

    /**
     * How records reach the province: {@code hub.exchange.mode} = service (default), file or front-db. A separate
     * 前置库's connection pool is closed with the bean.
     */
    @Bean
    public RecordDelivery exchangeRecordDelivery(ExchangeProperties properties, ExchangeProvider provider,
                                                 DataSource hubDatabase, Clock clock) {
        return switch (properties.mode()) {
            case SERVICE -> new ServiceDelivery(provider);
            case FILE -> new FileDelivery(provider,
                    () -> ExchangeProperties.required(properties.fileDirectory(), "file-directory"), clock);
            case FRONT_DB -> properties.frontDb().url() == null
                    ? new FrontDbDelivery(hubDatabase, clock, properties.frontDb().timeout())
                    : FrontDbDelivery.pooled(properties.frontDb(), clock);
        };
    }

    @Bean
    public ExchangeTracking exchangeTracking(JdbcClient jdbc, Clock clock) {
        return new ExchangeTracking(jdbc, clock);
    }

    @Bean
    public PublicationLedger exchangePublicationLedger(JdbcClient jdbc, Clock clock) {
        return new PublicationLedger(jdbc, clock);
    }

    @Bean
    public ExchangePushes exchangePushes(Outbox outbox, ExchangeTracking tracking, ExchangeProvider provider) {
        return new ExchangePushes(outbox, tracking, provider.schemas());
    }

    @Bean
    public ConfirmedPublications confirmedPublications(PenaltyCaseStore store, PenaltyContext ctx) {
        return new ConfirmedPublications(store, ctx);
    }

    /** The case platform's port: decisions, services and changes become durable exchange operations. */
    @Bean
    public OutboxPenaltyReporting outboxPenaltyReporting(ExchangePushes pushes, PublicationLedger publications,
                                                         Outbox outbox, AdministrationService registry,
                                                         ExchangeProperties properties, PenaltyContext ctx,
                                                         @Value("${hub.system-id:shanwei-enforcement-hub}")
                                                         String systemId) {
        return new OutboxPenaltyReporting(pushes, publications, outbox, registry, properties, ctx, systemId);
    }

    /** The case platform's port: coercive measures' and inspections' reportable steps pushed (ADR 0514). */
    @Bean
    public OutboxProcedureReporting outboxProcedureReporting(ExchangePushes pushes, AdministrationService registry,
                                                             ExchangeProperties properties,
                                                             @Value("${hub.system-id:shanwei-enforcement-hub}")
                                                             String systemId) {
        return new OutboxProcedureReporting(pushes, registry, properties, systemId);
    }

    @Bean
    public PushRecordHandler exchangePushRecordHandler(RecordDelivery delivery, ExchangeTracking tracking,
                                                       PlatformTransactionManager tx, Webhooks webhooks) {
        return new PushRecordHandler(delivery, tracking, new TransactionTemplate(tx), webhooks);
    }

    @Bean
    public PublishPenaltyHandler exchangePublishPenaltyHandler(ExchangeProvider provider, PublicationLedger ledger,
                                                               ConfirmedPublications cases,
                                                               PlatformTransactionManager tx) {
        return new PublishPenaltyHandler(provider, ledger, cases, new TransactionTemplate(tx));
    }

    @Bean
    public WithdrawPenaltyHandler exchangeWithdrawPenaltyHandler(ExchangeProvider provider, PublicationLedger ledger,
                                                                 ConfirmedPublications cases,
                                                                 PlatformTransactionManager tx) {
        return new WithdrawPenaltyHandler(provider, ledger, cases, new TransactionTemplate(tx));
    }
}
