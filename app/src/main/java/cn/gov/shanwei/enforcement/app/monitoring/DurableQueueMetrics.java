package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gauges of the broker's durable queues: {@code hub.durable.queue.depth} (messages in an operation's queue, being
 * delivered or waiting for a redelivery included) and {@code hub.durable.dlq.size} (messages in its dead-letter
 * queue, waiting for ops to replay or discard them), tagged with the operation and the queue.
 *
 * <p>The broker is asked at most once per {@code maxAge}, on a thread of its own; a scrape waits for a fresh answer
 * at most {@code scrapeWait} and otherwise shows the last one. While the broker cannot be asked, the gauges show NaN
 * (unknown) rather than an old count.
 */
public final class DurableQueueMetrics implements MeterBinder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableQueueMetrics.class);

    private final QueueCounts broker;
    private final List<ProviderOperation> operations;
    private final List<String> queues = new ArrayList<>();
    private final Clock clock;
    private final Duration maxAge;
    private final Duration scrapeWait;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hub-queue-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Long> counts = Map.of();
    private Instant askedAt = Instant.EPOCH;
    private CompletableFuture<Void> asking = CompletableFuture.completedFuture(null);
    private boolean failing;

    public DurableQueueMetrics(QueueCounts broker, List<ProviderOperation> operations, Clock clock, Duration maxAge,
                               Duration scrapeWait) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.operations = List.copyOf(operations);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.scrapeWait = Objects.requireNonNull(scrapeWait, "scrapeWait");
        for (ProviderOperation operation : this.operations) {
            queues.add(operation.queue());
            queues.add(operation.deadLetterQueue());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProviderOperation operation : operations) {
            Gauge.builder("hub.durable.queue.depth", () -> count(operation.queue()))
                    .description("Messages in a durable operation's broker queue, in delivery or waiting to be")
                    .tags("operation", operation.id(), "queue", operation.queue())
                    .register(registry);
            Gauge.builder("hub.durable.dlq.size", () -> count(operation.deadLetterQueue()))
                    .description("Messages in a durable operation's dead-letter queue, waiting for ops")
                    .tags("operation", operation.id(), "queue", operation.deadLetterQueue())
                    .register(registry);
        }
    }

    /** The count of one queue, NaN while the broker cannot be asked. */
    double count(String queue) {
        Long count = fresh().get(queue);
        return count == null ? Double.NaN : count;
    }

    private Map<String, Long> fresh() {
        CompletableFuture<Void> answer = askIfOld();
        try {
            answer.get(scrapeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the last counts are shown; a failure was logged by the reader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    private synchronized CompletableFuture<Void> askIfOld() {
        Instant now = clock.instant();
        if (asking.isDone() && Duration.between(askedAt, now).compareTo(maxAge) >= 0) {
            askedAt = now;
            asking = CompletableFuture.runAsync(this::ask, reader);
        }
        return asking;
    }

    private void ask() {
        try {
            counts = Map.copyOf(broker.messageCounts(queues));
            if (failing) {
                LOG.info("The broker tells its queue counts again");
            }
            failing = false;
        } catch (QueueCounts.Refused e) {
            // A permission to grant: the message says which; a stack trace would only hide it.
            failed("Cannot read the durable queues' counts from the broker: {}; their gauges show NaN until it"
                    + " answers", e.getMessage(), null);
        } catch (Exception e) {
            failed("Cannot read the durable queues' counts from the broker ({}); their gauges show NaN until it"
                    + " answers", String.valueOf(e.getMessage()), e);
        }
    }

    /** Shows NaN; logs once until the broker answers again, not at every scrape. */
    private void failed(String warning, String why, Exception e) {
        counts = Map.of();
        if (!failing) {
            if (e == null) {
                LOG.warn(warning, why);
            } else {
                LOG.warn(warning, why, e);
            }
        }
        failing = true;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
