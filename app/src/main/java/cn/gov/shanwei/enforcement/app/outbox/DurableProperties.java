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
 * @param stuckAfter            how long an unsettled row (QUEUED, ATTEMPTING, RETRYING) may go without a delivery
 *                              before it counts as stuck (ADR 0412): a message the broker holds is delivered at least
 *                              once per {@code maxRedeliveryDelay} while a consumer runs, so the default is three of
 *                              those, at least 15 minutes; shorter than two is refused
 * @param resyncInterval        how often the hub resyncs stuck rows with the broker on its own; zero (the default)
 *                              leaves it to ops ({@code POST /api/v1/ops/durable/resync}, ADR 0412)
 */
@ConfigurationProperties(prefix = "hub.durable")
public record DurableProperties(Integer consumers, Integer consumerBatchSize, Integer relayBatchSize,
                                Duration relayPollInterval, Duration redeliveryDelay, Double redeliveryMultiplier,
                                Duration maxRedeliveryDelay, Integer maxDeliveryAttempts, Duration stuckAfter,
                                Duration resyncInterval) {

    private static final Duration LEAST_DEFAULT_STUCK_AFTER = Duration.ofMinutes(15);

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
        Duration threeRedeliveries = maxRedeliveryDelay.multipliedBy(3);
        stuckAfter = positive("stuck-after", stuckAfter, threeRedeliveries.compareTo(LEAST_DEFAULT_STUCK_AFTER) > 0
                ? threeRedeliveries : LEAST_DEFAULT_STUCK_AFTER);
        if (stuckAfter.compareTo(leastQuietPeriod(maxRedeliveryDelay)) < 0) {
            throw new IllegalArgumentException("hub.durable.stuck-after must be at least twice max-redelivery-delay ("
                    + leastQuietPeriod(maxRedeliveryDelay) + "), was " + stuckAfter
                    + ": a message waiting for its redelivery would be called stuck");
        }
        resyncInterval = resyncInterval == null ? Duration.ZERO : resyncInterval;
        if (resyncInterval.isNegative()) {
            throw new IllegalArgumentException("hub.durable.resync-interval must not be negative, was "
                    + resyncInterval);
        }
    }

    /**
     * The shortest quiet period after which a row may be called stuck or resynced: twice the longest back-off. A row
     * delivered more recently is plainly being worked on by the broker (ADR 0412).
     */
    public Duration leastQuietPeriod() {
        return leastQuietPeriod(maxRedeliveryDelay);
    }

    private static Duration leastQuietPeriod(Duration maxRedeliveryDelay) {
        return maxRedeliveryDelay.multipliedBy(2);
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
