package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.routes.config.CallLimits;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Flow 1 of the architecture, for one provider operation: {@code direct:<routeId>} starts the call's
 * {@link CallBudget} from the operation's {@link CallLimits}; each attempt takes a permit of the provider's
 * {@link Bulkhead} (shared by all the provider's routes, refused at once when full), then passes the provider's own
 * Resilience4j circuit breaker and a per-attempt time limiter on a bounded executor, and reaches the gateway bean that
 * calls the adapter (and reports each attempt to the exchange's {@link AttemptTrace}). Failures where the provider decided nothing are retried with exponential back-off and jitter
 * while the budget allows the jittered delay and one more whole attempt; everything else fails at once.
 *
 * <p>Use only for idempotent reads: a retried attempt may reach the provider twice.
 */
public final class SynchronousCallRoute extends RouteBuilder {

    private final String routeId;
    private final CallLimits limits;
    private final String breakerBean;
    private final String timeoutExecutorBean;
    private final Bulkhead bulkhead;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Object gateway;
    private final String gatewayMethod;

    /**
     * @param limits              the operation's attempt timeout, total timeout, attempts and back-off
     * @param breakerBean         name of the provider's {@code CircuitBreaker} bean
     * @param timeoutExecutorBean name of a bounded {@code ExecutorService} bean for the time limiter (stack trap 4)
     * @param bulkhead            the provider's bulkhead ({@link ProviderResilience#bulkhead}), shared by its routes
     */
    public SynchronousCallRoute(String routeId, CallLimits limits, String breakerBean, String timeoutExecutorBean,
                                Bulkhead bulkhead, Clock clock, Object gateway, String gatewayMethod) {
        this(routeId, limits, breakerBean, timeoutExecutorBean, bulkhead, clock,
                () -> ThreadLocalRandom.current().nextDouble(), gateway, gatewayMethod);
    }

    /** @param random the jitter's source: numbers in [0, 1) */
    public SynchronousCallRoute(String routeId, CallLimits limits, String breakerBean, String timeoutExecutorBean,
                                Bulkhead bulkhead, Clock clock, DoubleSupplier random, Object gateway,
                                String gatewayMethod) {
        this.routeId = Objects.requireNonNull(routeId, "routeId");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.breakerBean = Objects.requireNonNull(breakerBean, "breakerBean");
        this.timeoutExecutorBean = Objects.requireNonNull(timeoutExecutorBean, "timeoutExecutorBean");
        this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.gatewayMethod = Objects.requireNonNull(gatewayMethod, "gatewayMethod");
    }

    public static String endpointUri(String routeId) {
        return "direct:" + routeId;
    }

    @Override
    public void configure() {
        // Failures are reported to the caller (and recorded) by ProviderCallInvoker, not logged twice here.
        errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));

        // Camel does not redeliver the circuit-breaker node itself, so each attempt is a call to the attempt
        // route below: a redelivery of that call passes the bulkhead, the breaker and its time limiter again.
        // The delay is ours (the CamelRedeliveryDelay header set by budgetAllowsRetry), so the budget is checked
        // against the delay really waited, jitter included.
        onException(Exception.class)
                .onWhen(exchange -> RetryableFailure.test(exchange.getException()))
                .retryWhile(this::budgetAllowsRetry)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                // An onException's redelivery policy does not take these from the error handler above: without them
                // every exhausted retryable call was an ERROR with the message history and the whole stack trace.
                .logExhausted(false)
                .logStackTrace(false)
                .handled(false);

        from(endpointUri(routeId)).routeId(routeId)
                .process(this::startBudget)
                .to(attemptUri());

        // The permit is held while the attempt runs, not during back-off; it is given back when the time limiter
        // gives up, while the abandoned call ends on the provider's bounded executor.
        from(attemptUri()).routeId(routeId + "-attempt")
                .errorHandler(noErrorHandler())
                .process(CallBudget::attemptStarting)
                .process(this::takePermit)
                .doTry()
                    .to(guardedUri())
                .doFinally()
                    .process(exchange -> bulkhead.onComplete())
                .end();

        from(guardedUri()).routeId(routeId + "-guarded")
                .errorHandler(noErrorHandler())
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .circuitBreaker(breakerBean)
                        // Trap 3: an open breaker must fail the exchange, never pass it on as if it had succeeded.
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                        .timeoutEnabled(true)
                        .timeoutDuration((int) limits.attemptTimeout().toMillis())
                        .timeoutExecutorService(timeoutExecutorBean)
                    .end()
                    .bean(gateway, gatewayMethod)
                .end();
    }

    private String attemptUri() {
        return "direct:" + routeId + "-attempt";
    }

    private String guardedUri() {
        return "direct:" + routeId + "-guarded";
    }

    private void startBudget(Exchange exchange) {
        exchange.setProperty(CallBudget.PROPERTY, CallBudget.start(clock, limits.totalTimeout(),
                limits.attemptTimeout(), limits.maxAttempts()));
        exchange.setProperty(AttemptTrace.PROPERTY, new AttemptTrace());
    }

    private void takePermit(Exchange exchange) {
        if (!bulkhead.tryAcquirePermission()) {
            throw BulkheadFullException.createBulkheadFullException(bulkhead);
        }
    }

    private boolean budgetAllowsRetry(Exchange exchange) {
        CallBudget budget = exchange.getProperty(CallBudget.PROPERTY, CallBudget.class);
        if (budget == null) {
            return false;
        }
        Duration delay = limits.jitteredBackoffBefore(budget.attempts(), random.getAsDouble());
        if (!budget.allowsAnotherAttempt(delay)) {
            return false;
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay.toMillis());
        return true;
    }
}
