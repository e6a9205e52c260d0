package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.app.outbox.DurableProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery of the durable operation queues ({@code hub.durable.#}) on the embedded broker: longer than the
 * broker-wide default, so a provider outage of about an hour dead-letters nothing. An external broker needs the
 * same address settings in its {@code broker.xml} (see app/README.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
public class DurableQueuesBrokerConfiguration {

    /** The address match of every durable operation queue. */
    public static final String DURABLE_ADDRESSES = "hub.durable.#";

    @Bean
    public ArtemisConfigurationCustomizer durableQueueSettings(DurableProperties durable) {
        return configuration -> configuration.addAddressSetting(DURABLE_ADDRESSES, new AddressSettings()
                .setRedeliveryDelay(durable.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(durable.redeliveryMultiplier())
                .setMaxRedeliveryDelay(durable.maxRedeliveryDelay().toMillis())
                .setMaxDeliveryAttempts(durable.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));
    }
}
