package cn.gov.shanwei.enforcement.app.config;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The embedded Artemis broker of the default profile (stack traps 1 and 2): persistent journal under the data
 * directory (set in application.yml), a memory ceiling of its own instead of half the shared heap, and redelivery
 * with back-off into a per-queue dead-letter queue instead of a tight rollback loop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
public class BrokerConfiguration {

    /** Every queue {@code X} gets {@code DLQ.X} once a message has failed this many deliveries. */
    public static final int MAX_DELIVERY_ATTEMPTS = 6;

    @Bean
    public ArtemisConfigurationCustomizer hubBrokerSettings(
            @Value("${hub.broker.global-max-size:64MB}") DataSize globalMaxSize,
            @Value("${hub.broker.redelivery-delay-ms:1000}") long redeliveryDelayMs,
            @Value("${hub.broker.max-redelivery-delay-ms:60000}") long maxRedeliveryDelayMs) {
        return configuration -> {
            configuration.setGlobalMaxSize(globalMaxSize.toBytes());
            configuration.setJournalDatasync(true);
            AddressSettings everyAddress = new AddressSettings()
                    .setRedeliveryDelay(redeliveryDelayMs)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(maxRedeliveryDelayMs)
                    .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setAutoCreateDeadLetterResources(true)
                    .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                    .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                    .setAutoCreateExpiryResources(true);
            configuration.addAddressSetting("#", everyAddress);
        };
    }
}
