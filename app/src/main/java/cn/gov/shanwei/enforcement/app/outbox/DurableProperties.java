package cn.gov.shanwei.enforcement.app.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hub.durable.*}: how side effects are relayed and redelivered (flow 2). Every field has a default.
 *
 * @param consumers             concurrent consumers per operation queue (different cases in parallel)
 * @param consumerBatchSize     most messages a consumer takes in one JMS transaction and books in one commit
 * @param relayBatchSize        outbox rows moved to the broker in one transaction
 * @param relayPollInterval     how often the relay looks for work when nothing woke it
 * @param redeliveryDelay       broker back-off before the first redelivery
 * @param redeliveryMultiplier  factor of each further back-off
 * @param maxRedeliveryDelay    cap of the back-off
 * @param maxDeliveryAttempts   deliveries before the broker moves a message to its DLQ; with the defaults a
 *                              provider may be down for about an hour before anything is dead-lettered
 */
@ConfigurationProperties(prefix = "hub.durable")
public record DurableProperties(Integer consumers, Integer consumerBatchSize, Integer relayBatchSize,
                                Duration relayPollInterval, Duration redeliveryDelay, Double redeliveryMultiplier,
                                Duration maxRedeliveryDelay, Integer maxDeliveryAttempts) {

    public DurableProperties {
        consumers = atLeast("consumers", consumers, 4, 1);
        consumerBatchSize = atLeast("consumer-batch-size", consumerBatchSize, 100, 1);
        relayBatchSize = atLeast("relay-batch-size", relayBatchSize, 500, 1);
        relayPollInterval = positive("relay-poll-interval", relayPollInterval, Duration.ofMillis(500));
        redeliveryDelay = positive("redelivery-delay", redeliveryDelay, Duration.ofSeconds(1));
        redeliveryMultiplier = redeliveryMultiplier == null ? 2.0 : redeliveryMultiplier;
        if (redeliveryMultiplier < 1.0) {
            throw new IllegalArgumentException("hub.durable.redelivery-multiplier must be at least 1");
        }
        maxRedeliveryDelay = positive("max-redelivery-delay", maxRedeliveryDelay, Duration.ofMinutes(5));
        maxDeliveryAttempts = atLeast("max-delivery-attempts", maxDeliveryAttempts, 20, 1);
    }

    private static int atLeast(String name, Integer value, int fallback, int min) {
        int result = value == null ? fallback : value;
        if (result < min) {
            throw new IllegalArgumentException("hub.durable." + name + " must be at least " + min + ", was " + result);
        }
        return result;
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration result = value == null ? fallback : value;
        if (result.isZero() || result.isNegative()) {
            throw new IllegalArgumentException("hub.durable." + name + " must be positive, was " + result);
        }
        return result;
    }

    /** How long the broker keeps redelivering a message before it dead-letters it (sum of all back-offs). */
    public Duration redeliverySpan() {
        double delay = redeliveryDelay.toMillis();
        double total = 0;
        for (int delivery = 1; delivery < maxDeliveryAttempts; delivery++) {
            total += Math.min(delay, maxRedeliveryDelay.toMillis());
            delay *= redeliveryMultiplier;
        }
        return Duration.ofMillis((long) total);
    }
}
