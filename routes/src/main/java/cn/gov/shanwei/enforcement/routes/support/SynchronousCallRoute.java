package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import java.util.Objects;

/**
 * Flow 1 of the architecture, for one provider operation: {@code direct:<routeId>} → circuit breaker (the
 * provider's own Resilience4j breaker, a bulkhead, and a per-attempt time limiter on a bounded executor) → the
 * gateway bean that calls the adapter. Failures where the provider decided nothing are retried with exponential
 * back-off and jitter while the exchange's {@link CallBudget} allows; everything else fails at once.
 *
 * <p>Use only for idempotent reads: a retried attempt may reach the provider twice.
 */
public final class SynchronousCallRoute extends RouteBuilder {

    private final String routeId;
    private final ProviderCallSettings settings;
    private final String breakerBean;
    private final String timeoutExecutorBean;
    private final Object gateway;
    private final String gatewayMethod;

    /**
     * @param breakerBean         name of the provider's {@code CircuitBreaker} bean
     * @param timeoutExecutorBean name of a bounded {@code ExecutorService} bean for the time limiter (stack trap 4)
     */
    public SynchronousCallRoute(String routeId, ProviderCallSettings settings, String breakerBean,
                                String timeoutExecutorBean, Object gateway, String gatewayMethod) {
        this.routeId = Objects.requireNonNull(routeId, "routeId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.breakerBean = Objects.requireNonNull(breakerBean, "breakerBean");
        this.timeoutExecutorBean = Objects.requireNonNull(timeoutExecutorBean, "timeoutExecutorBean");
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
        // route below: a redelivery of that call passes the breaker and its time limiter again.
        onException(Exception.class)
                .onWhen(exchange -> RetryableFailure.test(exchange.getException()))
                .retryWhile(this::budgetAllowsRetry)
                .redeliveryDelay(settings.backoffInitial().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(settings.backoffMax().toMillis())
                .useCollisionAvoidance()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(false);

        from(endpointUri(routeId)).routeId(routeId)
                .to(attemptUri());

        from(attemptUri()).routeId(routeId + "-attempt")
                .errorHandler(noErrorHandler())
                .process(CallBudget::attemptStarting)
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .circuitBreaker(breakerBean)
                        // Trap 3: an open breaker must fail the exchange, never pass it on as if it had succeeded.
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                        .bulkheadEnabled(true)
                        .bulkheadMaxConcurrentCalls(settings.maxConcurrentCalls())
                        .timeoutEnabled(true)
                        .timeoutDuration((int) settings.attemptTimeout().toMillis())
                        .timeoutExecutorService(timeoutExecutorBean)
                    .end()
                    .bean(gateway, gatewayMethod)
                .end();
    }

    private String attemptUri() {
        return "direct:" + routeId + "-attempt";
    }

    private boolean budgetAllowsRetry(Exchange exchange) {
        CallBudget budget = exchange.getProperty(CallBudget.PROPERTY, CallBudget.class);
        if (budget == null) {
            return false;
        }
        return budget.allowsAnotherAttempt(settings.backoffBefore(budget.attempts()));
    }
}
