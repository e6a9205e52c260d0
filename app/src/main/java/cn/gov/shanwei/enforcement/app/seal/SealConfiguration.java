package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.seal.SealedDecisions;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** Electronic seals: the decision documents, their durable seal request and local verification (ADR 0210). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealProperties.class)
public class SealConfiguration {

    /** The client and verifier; in the sandbox its test seal CA is trusted besides {@code hub.seal.trust-anchors}. */
    @Bean
    public SealProvider sealProvider(ProviderEndpoints endpoints, HubProvidersProperties providers,
                                     SealProperties properties, ObjectProvider<ProvinceSandbox> sandbox) {
        ProvinceSandbox s = sandbox.getIfAvailable();
        return new SealProvider(endpoints, providers, properties,
                s == null ? List.of() : List.of(s.seal().trustAnchor()),
                s == null ? java.util.Map.of() : java.util.Map.of(s.seal().trustAnchor(), s.sealCrlUrl()));
    }

    @Bean
    public DecisionDocumentLedger decisionDocumentLedger(JdbcClient jdbc) {
        return new DecisionDocumentLedger(jdbc);
    }

    @Bean
    public SealedDecisions sealedDecisions(PenaltyCaseStore store, PenaltyContext ctx) {
        return new SealedDecisions(store, ctx);
    }

    @Bean
    public VerificationReports sealVerificationReports(ObjectMapper json) {
        return new VerificationReports(json);
    }

    /** The case platform's port: a recorded decision becomes a stored document and a durable seal request. */
    @Bean
    public OutboxDecisionSealing outboxDecisionSealing(Outbox outbox, DecisionDocumentLedger ledger,
                                                       SealProvider seals, Clock clock,
                                                       @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId) {
        return new OutboxDecisionSealing(outbox, ledger, seals, systemId, clock);
    }

    @Bean
    public SealSignatureRequests sealSignatureRequests(JdbcClient jdbc) {
        return new SealSignatureRequests(jdbc);
    }

    /** {@code seal.sign}: digests municipal systems have signed through the hub. */
    @Bean
    public SealSignHandler sealSignHandler(SealProvider provider, SealSignatureRequests requests, Clock clock) {
        return new SealSignHandler(provider, requests, clock);
    }

    @Bean
    public SealDecisionHandler sealSignDecisionHandler(SealProvider provider, DecisionDocumentLedger ledger,
                                                       SealedDecisions cases, PlatformTransactionManager tx,
                                                       VerificationReports reports, Clock clock) {
        TransactionTemplate requiresNew = new TransactionTemplate(tx);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SealDecisionHandler(provider, ledger, cases, requiresNew, reports, clock);
    }
}
