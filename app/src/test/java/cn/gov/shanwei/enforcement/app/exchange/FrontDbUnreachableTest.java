package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A separate 前置库 that accepts connections and never answers (a hung server, a half-open network): the hub still
 * starts, and a push fails as a transient failure within the configured timeout instead of holding its durable
 * consumer for ever. Before the pool of its own, each push opened a plain connection with no timeout.
 */
class FrontDbUnreachableTest {

    @Test
    void aFrontDbThatNeverAnswers_failsEachPushWithinTheTimeout_asATransientFailure() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());   // held open, never written to
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-front-db");
            acceptor.setDaemon(true);
            acceptor.start();
            ExchangeProperties properties = ExchangeModeTest.bind(Map.of("hub.exchange.mode", "front-db",
                    "hub.exchange.front-db.url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/front",
                    "hub.exchange.front-db.username", "hub", "hub.exchange.front-db.timeout", "1s"));

            RecordDelivery delivery = new ExchangeConfiguration().exchangeRecordDelivery(properties,
                    FileDeliveryTest.provider(properties), null, FrontDbDeliveryContract.CLOCK);
            try {
                PushBatch batch = new PushBatch("b-silent", List.of(FrontDbDeliveryContract.inspection("i-1", 1,
                        "441502")));
                for (int attempt = 0; attempt < 2; attempt++) {
                    long start = System.nanoTime();
                    // Not a refusal (ProviderRejectedException, AdapterValidationException): the durable path takes
                    // anything else as transient, and the broker redelivers the push later.
                    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                            () -> delivery.deliver(batch)).isInstanceOf(RuntimeException.class)
                            .isNotInstanceOf(ProviderRejectedException.class)
                            .isNotInstanceOf(AdapterValidationException.class));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
                }
                assertThat(accepted).isNotEmpty();   // it did try the 前置库
            } finally {
                ((AutoCloseable) delivery).close();
            }
            acceptor.interrupt();
        }
    }

    @Test
    void frontDbSettings_outOfRange_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ExchangeProperties.FrontDb("jdbc:x", null, null, Duration.ofMillis(10), null))
                .hasMessageContaining("hub.exchange.front-db.timeout");
        assertThatThrownBy(() -> new ExchangeProperties.FrontDb("jdbc:x", null, null, null, 0))
                .hasMessageContaining("hub.exchange.front-db.max-connections");
        assertThat(ExchangeProperties.FrontDb.hubDatabase().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new ExchangeProperties.FrontDb("jdbc:x", "u", "secret", null, null).toString())
                .doesNotContain("secret");
    }
}
