package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The message log of provincial exchanges (issue 6): the {@code MessageLog} port the routes hand exchanges to, its
 * verifier, queries and retention. Refuses to start without {@code hub.message-log.sm4-key}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageLogProperties.class)
public class MessageLogConfiguration {

    @Bean
    public JdbcMessageLog messageLog(JdbcTemplate jdbc, GroupCommit bookkeepingCommits,
                                     MessageLogProperties properties, Clock clock, MeterRegistry meters) {
        return new JdbcMessageLog(jdbc, bookkeepingCommits, cipher(properties), properties, clock, meters);
    }

    @Bean
    public MessageLogQueries messageLogQueries(JdbcClient jdbc) {
        return new MessageLogQueries(jdbc);
    }

    @Bean
    public MessageLogCheckpoints messageLogCheckpoints(MessageLogQueries queries, MessageLogProperties properties,
                                                       @Value("${hub.data-dir}") Path dataDir, Clock clock) {
        Path file = properties.checkpointFile() != null ? properties.checkpointFile()
                : dataDir.resolve("message-log-checkpoints.log");
        return new MessageLogCheckpoints(queries, file, properties.checkpointInterval(), clock);
    }

    @Bean
    public MessageLogVerifier messageLogVerifier(MessageLogQueries queries, MessageLogProperties properties,
                                                 MessageLogCheckpoints checkpoints) {
        return new MessageLogVerifier(queries, cipher(properties), checkpoints);
    }

    @Bean
    public MessageLogRetention messageLogRetention(JdbcClient jdbc, PlatformTransactionManager transactions,
                                                   Clock clock, MessageLogProperties properties) {
        return new MessageLogRetention(jdbc, new TransactionTemplate(transactions), clock, properties);
    }

    /**
     * The bodies' cipher; the same SM4-GCM scheme as the case platform's personal data, under its own keys
     * ({@code hub.message-log.sm4-key}, {@code retired-sm4-keys}). Refuses a missing, malformed or repeated key.
     */
    public static FieldCipher cipher(MessageLogProperties properties) {
        try {
            return new FieldCipher("hub.message-log", properties.sm4Key(), properties.retiredSm4Keys(), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
