package cn.gov.shanwei.enforcement.app.broker;

import cn.gov.shanwei.enforcement.app.HubApplication;
import cn.gov.shanwei.enforcement.app.config.BrokerConfiguration;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stack traps 1 and 2 on the embedded broker: a message survives a restart of the hub, and a message whose
 * consumer keeps rolling back ends in its queue's own dead-letter queue instead of looping.
 */
class EmbeddedBrokerIT {

    @Test
    void acceptedMessage_survivesARestartOfTheHub() {
        Path dataDir = HubTestDataDir.create("broker-restart");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(JmsTemplate.class).convertAndSend("hub.test.persistence", "案件推送 SW-2026-0001");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JmsTemplate jms = second.getBean(JmsTemplate.class);
            jms.setReceiveTimeout(5_000);
            assertThat(jms.receiveAndConvert("hub.test.persistence")).isEqualTo("案件推送 SW-2026-0001");
        }
    }

    @Test
    void messageRolledBackOnEveryDelivery_endsInItsOwnDeadLetterQueue() throws Exception {
        Path dataDir = HubTestDataDir.create("broker-dlq");
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            JmsTemplate jms = hub.getBean(JmsTemplate.class);
            jms.convertAndSend("hub.test.poison", "poison");
            ConnectionFactory factory = hub.getBean(ConnectionFactory.class);
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue("hub.test.poison"));
                int deliveries = 0;
                Message message;
                while ((message = consumer.receive(2_000)) != null) {
                    deliveries++;
                    assertThat(((TextMessage) message).getText()).isEqualTo("poison");
                    session.rollback();
                }
                assertThat(deliveries).isEqualTo(BrokerConfiguration.MAX_DELIVERY_ATTEMPTS);
            }
            jms.setReceiveTimeout(5_000);
            assertThat(jms.receiveAndConvert("DLQ.hub.test.poison")).isEqualTo("poison");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(HubApplication.class)
                .web(WebApplicationType.NONE)
                // Arguments, not default properties: these must win over application.yml.
                .run("--hub.data-dir=" + dataDir,
                        "--hub.broker.redelivery-delay-ms=20",
                        "--hub.broker.max-redelivery-delay-ms=100");
    }
}
