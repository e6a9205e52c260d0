package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.routes.messagelog.ExchangeBodies;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.ProviderLeg;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import static cn.gov.shanwei.enforcement.routes.support.Bookkeeping.afterSuccess;
import static cn.gov.shanwei.enforcement.routes.support.Bookkeeping.keepingPrimary;

/**
 * One delivery of a durable call, inside the consumer's JMS transaction: claim it in the {@link DeliveryLedger},
 * reconcile if an earlier attempt's outcome is unknown, call the handler, settle the ledger, write the monitoring
 * record. Any exception leaves the route and rolls the JMS transaction back, so the broker redelivers with back-off
 * and, after its last attempt, dead-letters the message (the broker is the one owner of retries: stack trap 5).
 */
public final class DurableCallProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCallProcessor.class);

    /** Appended to an operation's name in the message log for its reconciliation queries. */
    public static final String RECONCILE_SUFFIX = ".reconcile";

    private final DurableCallHandler handler;
    private final DeliveryLedger ledger;
    private final CallRecorder recorder;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final MessageLog messageLog;

    /** A processor whose calls pass no circuit breaker. */
    public DurableCallProcessor(DurableCallHandler handler, DeliveryLedger ledger, CallRecorder recorder,
                                Clock clock) {
        this(handler, ledger, recorder, clock, null);
    }

    /**
     * @param breakers where the provider's circuit breaker is found (by provider code), if it has one: then every
     *                 call and reconciliation passes it, an open breaker refuses at once (the message waits for its
     *                 next redelivery without calling the provider) and failures here count towards opening it
     */
    public DurableCallProcessor(DurableCallHandler handler, DeliveryLedger ledger, CallRecorder recorder,
                                Clock clock, CircuitBreakerRegistry breakers) {
        this(handler, ledger, recorder, clock, breakers, MessageLog.NONE);
    }

    /**
     * @param messageLog where each attempt's payload and the provider's reference (or the failure) are logged
     */
    public DurableCallProcessor(DurableCallHandler handler, DeliveryLedger ledger, CallRecorder recorder,
                                Clock clock, CircuitBreakerRegistry breakers, MessageLog messageLog) {
        this.messageLog = Objects.requireNonNull(messageLog, "messageLog");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.breakers = breakers;
    }

    /** The operation this processor delivers. */
    public ProviderOperation operation() {
        return handler.operation();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Integer deliveries = message.getHeader(DurableMessage.DELIVERY_COUNT, Integer.class);
        DurableCall call = DurableMessage.read(handler.operation(), message::getHeader,
                message.getBody(String.class), deliveries == null ? 1 : deliveries);
        deliver(call);
    }

    /**
     * Delivers one call; returns normally once the effect is known to exist (so the message may be acknowledged).
     *
     * @throws RuntimeException when it does not (the message must be redelivered or dead-lettered)
     */
    public void deliver(DurableCall call) {
        String key = call.idempotencyKey();
        DeliveryLedger.Claim claim = ledger.claim(key);
        call = new DurableCall(call.operation(), call.businessKey(), call.payload(), call.context(),
                claim.attemptNumber());
        switch (claim.state()) {
            case SETTLED -> {
                LOG.debug("{} {} already settled; acknowledging a duplicate delivery", call.operation(), key);
                return;
            }
            case REJECTED -> throw new DeliveryRefusedException(call.operation(), key);
            case RETRY -> {
                if (!handler.resendIsSafe() && reconcile(call)) {
                    return;
                }
            }
            case FIRST_ATTEMPT -> {
                // send below
            }
        }
        Instant start = clock.instant();
        String reference;
        try {
            DurableCall attempt = call;
            reference = throughBreaker(() -> handler.execute(attempt));
        } catch (RuntimeException failure) {
            boolean permanent = isPermanent(failure);
            DurableCall failed = call;
            Instant failedAt = clock.instant();
            throw keepingPrimary(failure,
                    () -> messageLog.append(LoggedExchange.failed(failed.operation().provider(),
                            failed.operation().name(), failed.context(), start, failedAt, failed.payload(), failure)),
                    () -> ledger.failed(key, describe(failure), permanent),
                    () -> record(failed, start, permanent ? CallOutcome.PROVIDER_FAILED : unavailable(failure),
                            failure, permanent ? "REFUSED" : "RETRY_LATER", null));
        }
        DurableCall done = call;
        String answer = reference == null ? "" : reference;
        Instant answeredAt = clock.instant();
        afterSuccess("message log", () -> messageLog.append(LoggedExchange.answered(done.operation().provider(),
                done.operation().name(), done.context(), start, answeredAt, done.payload(), answer)));
        ledger.completed(key, reference, false);
        record(call, start, CallOutcome.SUCCESS, null, "DELIVERED", reference);
    }

    /**
     * True if the provider already has the effect, which then settles the call. The question and its answer are
     * message-logged like any other exchange, as operation {@code <name>}{@value #RECONCILE_SUFFIX}.
     */
    private boolean reconcile(DurableCall call) {
        Instant start = clock.instant();
        String operation = call.operation().name() + RECONCILE_SUFFIX;
        String question = reconcileQuestion(call);
        boolean done;
        try {
            done = throughBreaker(() -> handler.alreadyDone(call));
        } catch (RuntimeException failure) {
            Instant failedAt = clock.instant();
            throw keepingPrimary(failure,
                    () -> messageLog.append(LoggedExchange.failed(call.operation().provider(), operation,
                            call.context(), start, failedAt, question, failure)),
                    () -> ledger.failed(call.idempotencyKey(), "reconcile: " + describe(failure), false),
                    () -> record(call, start, unavailable(failure), failure, "RETRY_LATER", null));
        }
        Instant answeredAt = clock.instant();
        afterSuccess("message log", () -> messageLog.append(LoggedExchange.answered(call.operation().provider(),
                operation, call.context(), start, answeredAt, question,
                ExchangeBodies.of(Map.of("alreadyDone", done)))));
        if (done) {
            LOG.info("{} {}: the provider already has the effect of an earlier attempt; not sending it again",
                    call.operation(), call.idempotencyKey());
            ledger.completed(call.idempotencyKey(), null, true);
            record(call, start, CallOutcome.SUCCESS, null, "RECONCILED", null);
        }
        return done;
    }

    /** What the hub asks the provider when it reconciles: by our business key (canonical JSON). */
    static String reconcileQuestion(DurableCall call) {
        return ExchangeBodies.of(new TreeMap<>(Map.of("businessKey", call.businessKey(),
                "idempotencyKey", call.idempotencyKey())));
    }

    private <T> T throughBreaker(Supplier<T> providerCall) {
        Optional<CircuitBreaker> breaker = breakers == null ? Optional.empty()
                : breakers.find(handler.operation().provider().code());
        return breaker.isPresent() ? breaker.get().executeSupplier(providerCall) : providerCall.get();
    }

    private static CallOutcome unavailable(Throwable failure) {
        return ProviderFailureTranslator.unwrap(failure) instanceof CallNotPermittedException
                ? CallOutcome.REJECTED_LOCALLY : CallOutcome.UNAVAILABLE;
    }

    /** Only a refusal by the provider, or our own invalid input, is final; any other outcome may still change. */
    static boolean isPermanent(Throwable failure) {
        Throwable cause = ProviderFailureTranslator.unwrap(failure);
        return cause instanceof ProviderRejectedException || cause instanceof AdapterValidationException;
    }

    private static String describe(Throwable failure) {
        Throwable cause = ProviderFailureTranslator.unwrap(failure);
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** One monitoring record per attempt; the request leaves and the answer (if any) arrives within it. */
    private void record(DurableCall call, Instant start, CallOutcome outcome, Throwable failure, String status,
                        String response) {
        Instant end = clock.instant();
        boolean answered = failure == null || isPermanent(failure);
        ProviderLeg leg = new ProviderLeg(start, answered ? end : null,
                (long) call.payload().getBytes(StandardCharsets.UTF_8).length,
                response == null ? null : (long) response.getBytes(StandardCharsets.UTF_8).length, status);
        recorder.record(new CallRecord(start, end, call.operation().provider(), call.operation().name(),
                call.context(), call.attempt(), outcome,
                failure == null ? null : ProviderFailureTranslator.faultCode(failure),
                failure == null ? null : ProviderFailureTranslator.unwrap(failure).getMessage(), leg));
    }
}
