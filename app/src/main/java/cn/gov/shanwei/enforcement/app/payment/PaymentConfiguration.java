package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.app.webhook.Webhooks;
import cn.gov.shanwei.enforcement.cases.payment.ConfirmedPayments;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.gov.shanwei.enforcement.app.ops.OpsAudit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/** Non-tax payment of fines: the durable notice, its ledger, the result callback and the sandbox's callbacks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
@EnableScheduling
public class PaymentConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentConfiguration.class);

    @Bean(destroyMethod = "close")
    public PaymentProvider paymentProvider(ProviderEndpoints endpoints, HubProvidersProperties providers,
                                           PaymentProperties properties) {
        return new PaymentProvider(endpoints, providers, properties);
    }

    @Bean
    public PaymentNoticeLedger paymentNoticeLedger(JdbcClient jdbc) {
        return new PaymentNoticeLedger(jdbc);
    }

    @Bean
    public ConfirmedPayments confirmedPayments(PenaltyCaseStore store, PenaltyContext ctx) {
        return new ConfirmedPayments(store, ctx);
    }

    /** The case platform's port: a served fine becomes a durable {@code payment.issue-notice}. */
    @Bean
    public OutboxPaymentNotices outboxPaymentNotices(Outbox outbox, PaymentNoticeLedger ledger, Clock clock,
                                                     @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId) {
        return new OutboxPaymentNotices(outbox, ledger, systemId, clock);
    }

    @Bean
    public IssueNoticeHandler paymentIssueNoticeHandler(PaymentProvider provider, PaymentNoticeLedger ledger,
                                                        ConfirmedPayments cases, PlatformTransactionManager tx,
                                                        PaymentProperties properties, Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(tx);
        readOnly.setReadOnly(true);
        return new IssueNoticeHandler(provider, ledger, cases, readOnly, properties, clock);
    }

    @Bean
    public JdbcPaymentResultStore paymentResultStore(JdbcClient jdbc, Clock clock) {
        return new JdbcPaymentResultStore(jdbc, clock);
    }

    @Bean
    public PaymentCallbacks paymentCallbacks(PaymentProperties properties, PaymentNoticeLedger ledger,
                                             ClientPaymentNotices clientNotices, Webhooks webhooks,
                                             JdbcPaymentResultStore results, ConfirmedPayments cases,
                                             JdbcClient jdbc, PlatformTransactionManager tx, Clock clock) {
        Supplier<PaymentCallbackVerifier> verifier = () -> new PaymentCallbackVerifier(
                PaymentProperties.required(properties.callbackSecret(), "callback-secret")
                        .getBytes(StandardCharsets.UTF_8), properties.callbackWindow(), clock);
        return new PaymentCallbacks(verifier, ledger, clientNotices, webhooks, results, cases, jdbc,
                new TransactionTemplate(tx), clock);
    }

    /** Notices municipal systems issue through the hub (ADR 0913); the payer sealed with the case platform's key. */
    @Bean
    public ClientPaymentNotices clientPaymentNotices(JdbcClient jdbc, FieldCipher cipher,
                                                     JdbcPaymentResultStore results) {
        return new ClientPaymentNotices(jdbc, cipher, results);
    }

    @Bean
    public IssueClientNoticeHandler paymentIssueClientNoticeHandler(PaymentProvider provider,
                                                                    ClientPaymentNotices notices, Webhooks webhooks,
                                                                    PlatformTransactionManager tx, Clock clock) {
        return new IssueClientNoticeHandler(provider, notices, webhooks, new TransactionTemplate(tx), clock);
    }

    @Bean
    public SurchargeLedger paymentSurchargeLedger(JdbcClient jdbc) {
        return new SurchargeLedger(jdbc);
    }

    /** 加处罚款: the daily run over overdue notices ({@code hub.payment.surcharge-cron}, ADR 0507). */
    @Bean
    public OverdueSurcharges paymentOverdueSurcharges(PaymentNoticeLedger notices, SurchargeLedger surcharges,
                                                      ConfirmedPayments cases, Outbox outbox,
                                                      PlatformTransactionManager tx, Clock clock,
                                                      @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId,
                                                      @Value("${hub.payment.surcharge-due-days:15}") int dueDays) {
        return new OverdueSurcharges(notices, surcharges, cases, outbox, new TransactionTemplate(tx), systemId,
                dueDays, clock);
    }

    @Bean
    public IssueSurchargeHandler paymentIssueSurchargeHandler(PaymentProvider provider, SurchargeLedger ledger,
                                                              Clock clock) {
        return new IssueSurchargeHandler(provider, ledger, clock);
    }

    /** Payment reviews and reconciliation tasks for staff to follow up (audited). */
    @Bean
    public PaymentTasks paymentTasks(JdbcClient jdbc, PlatformTransactionManager tx, OpsAudit audit, Clock clock) {
        return new PaymentTasks(jdbc, new TransactionTemplate(tx), audit, clock);
    }

    /** The daily reconciliation (ADR 0802); its schedule is {@code hub.payment.reconciliation-cron}. */
    @Bean
    public DailyReconciliation paymentDailyReconciliation(PaymentProvider provider, CircuitBreakerRegistry breakers,
                                                          HubProvidersProperties providers,
                                                          PaymentNoticeLedger ledger,
                                                          ClientPaymentNotices clientNotices, JdbcClient jdbc,
                                                          PlatformTransactionManager tx, Clock clock,
                                                          @Value("${hub.payment.reconciliation-catch-up-days:"
                                                                  + DailyReconciliation.DEFAULT_CATCH_UP_DAYS
                                                                  + "}") int catchUpDays) {
        return new DailyReconciliation(provider, ProviderResilience.breaker(breakers, Provider.PAYMENT,
                providers.settingsFor(Provider.PAYMENT)), ledger,
                PaymentCallbacks.issuedNotices(ledger, clientNotices), jdbc, new TransactionTemplate(tx), clock,
                catchUpDays);
    }

    /** In the sandbox, the province's payment system sends its signed callbacks to this hub once it listens. */
    @Bean
    public ApplicationListener<WebServerInitializedEvent> sandboxPaymentCallbacks(
            ObjectProvider<ProvinceSandbox> sandbox, PaymentProperties properties) {
        return event -> sandbox.ifAvailable(s -> {
            if (properties.callbackSecret() == null || "management".equals(
                    event.getApplicationContext().getServerNamespace())) {
                return;
            }
            URI url = URI.create("http://127.0.0.1:" + event.getWebServer().getPort()
                    + PaymentCallbackController.PATH);
            s.payment().sendCallbacksTo(url, properties.callbackSecret().getBytes(StandardCharsets.UTF_8));
            LOG.info("Sandbox payment callbacks go to {}", url);
        });
    }
}
