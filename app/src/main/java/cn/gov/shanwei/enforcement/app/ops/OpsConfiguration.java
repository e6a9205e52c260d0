package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.messagelog.MessageLogConfiguration;
import cn.gov.shanwei.enforcement.app.messagelog.MessageLogProperties;
import cn.gov.shanwei.enforcement.app.outbox.OutboxConfiguration;
import cn.gov.shanwei.enforcement.app.outbox.RelayTrigger;
import cn.gov.shanwei.enforcement.cases.shared.CaseEncryptedColumns;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.KeyRotationJob;
import cn.gov.shanwei.enforcement.cases.shared.PartyReindex;
import cn.gov.shanwei.enforcement.cases.shared.Reencryption;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The ops API's services: dead-letter queues, the re-encryption of a key rotation, the audit of every ops action. */
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

    /**
     * The re-encryption of a key rotation (ADR 0503): the case platform's key over its tables and the payment
     * notices' payers, the message log's key over its bodies, then the re-index of the party identifiers' blind index
     * under the current index key ({@code hub.cases.crypto.index-key}); {@code hub.key-rotation.batch-size} rows per
     * transaction.
     */
    @Bean
    public KeyRotation keyRotation(FieldCipher caseCipher, MessageLogProperties messageLog, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactions, Clock clock,
                                   @Value("${hub.key-rotation.batch-size:500}") int batchSize) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Reencryption.Column> cases = new ArrayList<>(CaseEncryptedColumns.ALL);
        cases.add(new Reencryption.Column("payment_client_notice", List.of("notice_id"), "payer_sealed"));
        List<Reencryption.Column> bodies = List.of(
                new Reencryption.Column("message_log", List.of("seq"), "request_body"),
                new Reencryption.Column("message_log", List.of("seq"), "response_body"));
        Map<String, KeyRotationJob> jobs = new LinkedHashMap<>();
        jobs.put("hub.cases.crypto", new Reencryption(caseCipher, cases, jdbc, tx, batchSize));
        jobs.put("hub.message-log", new Reencryption(MessageLogConfiguration.cipher(messageLog), bodies, jdbc, tx,
                batchSize));
        jobs.put("hub.cases.crypto.index-key", new PartyReindex(caseCipher, jdbc, tx, batchSize));
        return new KeyRotation(jobs, clock);
    }

    @Bean
    public OpsAudit opsAudit(JdbcClient jdbc, Clock clock) {
        return new OpsAudit(jdbc, clock);
    }

    /** Counts refused ops requests and writes them in batches, one row per caller and kind per window (ADR 0919). */
    @Bean
    public OpsRefusals opsRefusals(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                   @Value("${hub.ops-audit.refusal-window:5s}") Duration window,
                                   @Value("${hub.ops-audit.refusal-keys:1000}") int maxKeys) {
        return new OpsRefusals(jdbc, transactions, clock, window, maxKeys);
    }

    /**
     * Audits refused ops requests. Ordered outside the signature filter (and the rate limiter), so it sees their
     * 401 and 429 answers as well as the controllers' 403.
     */
    @Bean
    public FilterRegistrationBean<OpsRefusalAuditFilter> opsRefusalAuditFilter(OpsRefusals refusals) {
        FilterRegistrationBean<OpsRefusalAuditFilter> registration =
                new FilterRegistrationBean<>(new OpsRefusalAuditFilter(refusals));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        registration.addUrlPatterns("/api/v1/ops/*");
        return registration;
    }
}
