package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker's queue gauges: what they show, how often they ask; a slow or failing broker stalls no scrape. */
class DurableQueueMetricsTest {

    private static final ProviderOperation SEAL = new ProviderOperation(Provider.SEAL, "sign");
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final AtomicInteger asked = new AtomicInteger();
    private final Map<String, Long> held = new HashMap<>(Map.of(SEAL.queue(), 7L, SEAL.deadLetterQueue(), 1L));
    private volatile boolean brokerDown;
    private DurableQueueMetrics metrics;

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void gauges_showTheQueueDepthAndTheDlqSizePerOperation() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics = metrics(this::answer, ONE_HOUR);
        metrics.bindTo(registry);

        assertThat(registry.get("hub.durable.queue.depth").tags("operation", "seal.sign", "queue", SEAL.queue())
                .gauge().value()).isEqualTo(7.0);
        assertThat(registry.get("hub.durable.dlq.size").tags("operation", "seal.sign", "queue",
                SEAL.deadLetterQueue()).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void count_withinMaxAge_asksTheBrokerOnceForAllQueues() {
        metrics = metrics(this::answer, ONE_HOUR);

        metrics.count(SEAL.queue());
        metrics.count(SEAL.deadLetterQueue());
        metrics.count(SEAL.queue());

        assertThat(asked).hasValue(1);
    }

    @Test
    void count_onceMaxAgeHasPassed_asksAgainAndShowsTheNewCount() {
        metrics = metrics(this::answer, Duration.ZERO);
        assertThat(metrics.count(SEAL.deadLetterQueue())).isEqualTo(1.0);

        held.put(SEAL.deadLetterQueue(), 2L);

        assertThat(metrics.count(SEAL.deadLetterQueue())).isEqualTo(2.0);
        assertThat(asked).hasValue(2);
    }

    @Test
    void count_whileTheBrokerCannotBeAsked_isNaN_thenTheCountOnceItAnswers() {
        metrics = metrics(this::answer, Duration.ZERO);
        brokerDown = true;

        assertThat(metrics.count(SEAL.queue())).isNaN();

        brokerDown = false;
        assertThat(metrics.count(SEAL.queue())).isEqualTo(7.0);
    }

    @Test
    void count_whenTheBrokerIsSlow_returnsWithinTheScrapeWait_andTheAnswerServesTheNextScrape() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        metrics = metrics(queues -> {
            slow.await(10, TimeUnit.SECONDS);
            return answer(queues);
        }, ONE_HOUR, Duration.ofMillis(200));

        long started = System.nanoTime();
        double first = metrics.count(SEAL.queue());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(first).as("nothing known yet").isNaN();
        slow.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.count(SEAL.queue()) == 7.0);
        assertThat(asked).as("no second question while the first was open").hasValue(1);
    }

    private DurableQueueMetrics metrics(QueueCounts broker, Duration maxAge) {
        return metrics(broker, maxAge, Duration.ofSeconds(5));
    }

    private DurableQueueMetrics metrics(QueueCounts broker, Duration maxAge, Duration scrapeWait) {
        return new DurableQueueMetrics(broker, List.of(SEAL), Clock.systemUTC(), maxAge, scrapeWait);
    }

    private Map<String, Long> answer(Collection<String> queues) {
        asked.incrementAndGet();
        if (brokerDown) {
            throw new IllegalStateException("broker unreachable");
        }
        assertThat(queues).containsExactlyInAnyOrder(SEAL.queue(), SEAL.deadLetterQueue());
        Map<String, Long> counts = new HashMap<>();
        queues.forEach(queue -> counts.put(queue, held.get(queue)));
        return counts;
    }
}
