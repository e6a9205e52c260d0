package cn.gov.shanwei.enforcement.routes.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.routes.config.CallLimits;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link SynchronousCallRoute} in a bare Camel context: the provider's bulkhead shared by its routes, and retries whose
 * jittered back-off is checked against the call budget.
 */
class SynchronousCallRouteTest {

    static final CallContext CONTEXT = CallContext.of("routes-test", "officer-1", "SW-2026-0001", "330217001000",
            "trace-sync-route");

    final CamelContext camel = new DefaultCamelContext();
    final List<CallRecord> records = new CopyOnWriteArrayList<>();
    final ExecutorService callers = Executors.newCachedThreadPool();
    final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    @AfterEach
    void stop() {
        callers.shutdownNow();
        camel.stop();
    }

    /** A gateway whose attempts block until released, or fail after a delay. */
    public static final class Gateway {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered;
        final Duration sleep;

        Gateway(int expectedEntries, Duration sleep) {
            this.entered = new CountDownLatch(expectedEntries);
            this.sleep = sleep;
        }

        public String call(String body) throws InterruptedException {
            entered.countDown();
            if (sleep != null) {
                Thread.sleep(sleep.toMillis());
                return "late " + body;
            }
            release.await(5, TimeUnit.SECONDS);
            return "answer to " + body;
        }
    }

    @Test
    void fullBulkhead_refusesAnotherRouteOfTheSameProviderAtOnce_butNotAnotherProvider() throws Exception {
        ProviderCallSettings twoAtOnce = new ProviderCallSettings(null, null, null, null, null, 1, null, null, null,
                null, null, null, 2, null);
        Gateway map = new Gateway(2, null);
        Gateway exchange = new Gateway(1, null);
        Bulkhead mapBulkhead = ProviderResilience.bulkhead(bulkheads, Provider.MAP, twoAtOnce);
        addProvider(Provider.MAP, twoAtOnce, "map-geocode", mapBulkhead, map, () -> 0.5);
        addProvider(Provider.MAP, twoAtOnce, "map-tile", mapBulkhead, map, () -> 0.5);
        addProvider(Provider.EXCHANGE, twoAtOnce, "baselib-law",
                ProviderResilience.bulkhead(bulkheads, Provider.EXCHANGE, twoAtOnce), exchange, () -> 0.5);
        camel.start();
        assertThat(ProviderResilience.bulkhead(bulkheads, Provider.MAP, twoAtOnce)).isSameAs(mapBulkhead);

        Future<String> first = callers.submit(() -> invoker(Provider.MAP, "geocode", "map-geocode").invoke("a",
                CONTEXT, String.class));
        Future<String> second = callers.submit(() -> invoker(Provider.MAP, "geocode", "map-geocode").invoke("b",
                CONTEXT, String.class));
        assertThat(map.entered.await(2, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> invoker(Provider.MAP, "tile", "map-tile").invoke("c", CONTEXT, String.class))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.provider()).isEqualTo(Provider.MAP);
                    assertThat(e.getMessage()).contains("Too many calls");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("tile");
            assertThat(r.outcome()).isEqualTo(CallOutcome.REJECTED_LOCALLY);
            assertThat(r.faultCode()).isEqualTo("BulkheadFullException");
            assertThat(r.leg()).isNull();
        });

        Future<String> other = callers.submit(() -> invoker(Provider.EXCHANGE, "lawArticle", "baselib-law")
                .invoke("d", CONTEXT, String.class));
        assertThat(exchange.entered.await(2, TimeUnit.SECONDS)).isTrue();
        exchange.release.countDown();
        assertThat(other.get(2, TimeUnit.SECONDS)).isEqualTo("answer to d");

        map.release.countDown();
        assertThat(first.get(2, TimeUnit.SECONDS)).isEqualTo("answer to a");
        assertThat(second.get(2, TimeUnit.SECONDS)).isEqualTo("answer to b");
        await().atMost(Duration.ofSeconds(1))
                .until(() -> mapBulkhead.getMetrics().getAvailableConcurrentCalls() == 2);
        assertThat(invoker(Provider.MAP, "tile", "map-tile").invoke("e", CONTEXT, String.class))
                .isEqualTo("answer to e");
    }

    @Test
    void retry_isRefusedWhenItsJitteredDelayWouldPassTheTotalTimeout() throws Exception {
        // An attempt times out after 100 ms; the first retry waits 200 ms ± 15 %. At ~100 ms, 200 ms + one more
        // attempt fits in 420 ms, but 230 ms (the largest jitter) does not.
        CallLimits limits = new CallLimits(Duration.ofMillis(100), Duration.ofMillis(420), 3, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        addRoute("slow", limits, () -> 1.0, new Gateway(0, Duration.ofSeconds(2)));
        warmUp();

        ProviderCallInvoker slow = invoker(Provider.MAP, "geocode", "slow");
        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.invoke("a", CONTEXT, String.class))
                .isInstanceOf(ProviderUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limits.totalTimeout());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.outcome()).isEqualTo(CallOutcome.UNAVAILABLE);
        });
    }

    @Test
    void retry_waitsItsJitteredDelayAndStaysWithinTheTotalTimeout() throws Exception {
        CallLimits limits = new CallLimits(Duration.ofMillis(100), Duration.ofMillis(600), 3, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        addRoute("slow", limits, () -> 0.0, new Gateway(0, Duration.ofSeconds(2)));
        warmUp();
        ProviderCallInvoker slow = invoker(Provider.MAP, "geocode", "slow");

        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.invoke("a", CONTEXT, String.class))
                .isInstanceOf(ProviderUnavailableException.class);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // two attempts of 100 ms and a back-off of 170 ms (200 ms - 15 %); a third would need 340 ms + 100 ms more
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(370)).isLessThan(limits.totalTimeout());
        assertThat(records).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
    }

    @Test
    void exhaustedRetries_areTheCallersToReport_notLoggedByCamelAsAnError() throws Exception {
        CallLimits limits = new CallLimits(Duration.ofMillis(50), Duration.ofSeconds(2), 2, Duration.ofMillis(10),
                Duration.ofMillis(10));
        addRoute("failing", limits, () -> 0.5, new Gateway(0, Duration.ofSeconds(2)));
        warmUp();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try {
            assertThatThrownBy(() -> invoker(Provider.MAP, "geocode", "failing").invoke("a", CONTEXT, String.class))
                    .isInstanceOf(ProviderUnavailableException.class);
        } finally {
            root.detachAppender(logged);
            logged.stop();
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.outcome()).isEqualTo(CallOutcome.UNAVAILABLE);
        });
        // Each failed attempt is one WARN line without a stack trace, and the exhausted call adds nothing (the caller
        // answers and records it): Camel's default added an ERROR with the message history and the whole stack trace.
        assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(2)
                .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    private void addProvider(Provider provider, ProviderCallSettings settings, String routeId, Bulkhead bulkhead,
                             Gateway gateway, DoubleSupplier random) throws Exception {
        String breaker = provider.code() + "Breaker";
        String executor = provider.code() + "Executor";
        if (camel.getRegistry().lookupByName(breaker) == null) {
            camel.getRegistry().bind(breaker, ProviderResilience.breaker(breakers, provider, settings));
            camel.getRegistry().bind(executor, ProviderResilience.timeoutExecutor(provider, settings));
        }
        camel.addRoutes(new SynchronousCallRoute(routeId, settings.limitsFor(routeId), breaker, executor, bulkhead,
                Clock.systemUTC(), random, gateway, "call"));
    }

    private void addRoute(String routeId, CallLimits limits, DoubleSupplier random, Gateway gateway)
            throws Exception {
        ProviderCallSettings settings = ProviderCallSettings.defaults();
        camel.getRegistry().bind("mapBreaker", ProviderResilience.breaker(breakers, Provider.MAP, settings));
        camel.getRegistry().bind("mapExecutor", ProviderResilience.timeoutExecutor(Provider.MAP, settings));
        camel.addRoutes(new SynchronousCallRoute(routeId, limits, "mapBreaker", "mapExecutor",
                ProviderResilience.bulkhead(bulkheads, Provider.MAP, settings), Clock.systemUTC(), random, gateway,
                "call"));
    }

    /**
     * Starts Camel and makes a first call that times out and is retried, through another route, so that loading the
     * classes of that path is not timed.
     */
    private void warmUp() throws Exception {
        camel.addRoutes(new SynchronousCallRoute("warm", new CallLimits(Duration.ofMillis(50), Duration.ofSeconds(2),
                2, Duration.ofMillis(10), Duration.ofMillis(10)), "mapBreaker", "mapExecutor",
                bulkheads.bulkhead("warm"), Clock.systemUTC(), () -> 0.5, new Gateway(0, Duration.ofSeconds(2)),
                "call"));
        camel.start();
        assertThatThrownBy(() -> invoker(Provider.MAP, "warm", "warm").invoke("up", CONTEXT, String.class))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        records.clear();
    }

    private ProviderCallInvoker invoker(Provider provider, String operation, String routeId) {
        CircuitBreaker breaker = breakers.circuitBreaker(provider.code());
        return new ProviderCallInvoker(camel.createProducerTemplate(), provider, operation, routeId,
                new ProviderFailureTranslator(provider, breaker, Duration.ofSeconds(5)), records::add,
                Clock.systemUTC());
    }
}
