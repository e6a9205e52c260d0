package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.cases.procedure.application.SealedProcedureDocuments;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The documents of coercive measures and inspections (ADR 0515): laid out and stored with their step, sealed by the
 * durable {@code seal.sign-procedure-document}, verified and recorded on the procedure.
 */
@Configuration(proxyBeanMethods = false)
public class ProcedureDocumentsConfiguration {

    @Bean
    public ProcedureDocumentLedger procedureDocumentLedger(JdbcClient jdbc) {
        return new ProcedureDocumentLedger(jdbc);
    }

    /** The case platform's port: a step that issues a document stores it and requests its seal durably. */
    @Bean
    public OutboxProcedureDocuments outboxProcedureDocuments(Outbox outbox, ProcedureDocumentLedger ledger,
                                                             SealProvider seals, Clock clock,
                                                             @Value("${hub.system-id:shanwei-enforcement-hub}")
                                                             String systemId) {
        return new OutboxProcedureDocuments(outbox, ledger, seals, systemId, clock);
    }

    @Bean
    public SealProcedureDocumentHandler sealProcedureDocumentHandler(SealProvider provider,
                                                                     ProcedureDocumentLedger ledger,
                                                                     ObjectProvider<SealedProcedureDocuments>
                                                                             procedures,
                                                                     PlatformTransactionManager tx,
                                                                     VerificationReports reports, Clock clock) {
        TransactionTemplate requiresNew = new TransactionTemplate(tx);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SealProcedureDocumentHandler(provider, ledger, procedures::getObject, requiresNew, reports, clock);
    }
}
