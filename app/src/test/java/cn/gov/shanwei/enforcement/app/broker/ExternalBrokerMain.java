package cn.gov.shanwei.enforcement.app.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;

/**
 * An Artemis broker in a JVM of its own, standing in for the external broker of {@code prod}: a TCP acceptor on
 * loopback, a persistent journal synced to disk, and the address settings app/README.md asks of an external
 * {@code broker.xml} for {@code hub.durable.#} (redelivery with back-off, then {@code DLQ.<queue>}). Arguments:
 * {@code <data-dir> <port>}; prints {@code BROKER STARTED} once it accepts connections, then runs until killed.
 */
public final class ExternalBrokerMain {

    private ExternalBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Configuration configuration = new ConfigurationImpl()
                .setName("external-test-broker")
                .setPersistenceEnabled(true)
                .setJournalDatasync(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        configuration.addAddressSetting("hub.durable.#", new AddressSettings()
                .setRedeliveryDelay(100)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(400)
                .setMaxDeliveryAttempts(50)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        System.out.println("BROKER STARTED");
        System.out.flush();
        Thread.currentThread().join();
    }
}
