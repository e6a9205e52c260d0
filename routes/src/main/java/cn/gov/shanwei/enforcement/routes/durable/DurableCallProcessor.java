package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
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
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The durable consumer's work on a batch of messages taken in one JMS transaction (ADR 0407): claim them all in the
 * {@link DeliveryLedger} (one commit, before any provider call), then for each one reconcile if an earlier attempt's
 * outcome is unknown and call the handler, then hand the outcomes, monitoring records and message-log entries to
 * {@link DeliveryBookkeeping} (one commit, before any acknowledgement). If any message of the batch is not delivered
 * the exchange fails, the JMS transaction is rolled back, and the broker redelivers with back-off and, after its last
 * attempt, dead-letters (the broker is the one owner of retries: stack trap 5); the delivered messages of the batch
 * are then recognised as settled on their next delivery and acknowledged without calling anybody.
 *
 * <p>Within a batch, the calls of different ordering keys (cases) may overlap, up to the provider's bulkhead
 * ({@link CallLanes}, ADR 0408); the calls of one ordering key are made one after the other in the batch's order.
 * Once a call finds its provider unavailable (transport failure, timeout, open breaker) no further call of the batch
 * is started: the claims of the calls not sent are taken back.
 */
public final class DurableCallProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCallProcessor.class);

    /** Appended to an operation's name in the message log for its reconciliation queries. */
    public static final String RECONCILE_SUFFIX = ".reconcile";

    private final DurableCallHandler handler;
    private final DeliveryLedger ledger;
    private final DeliveryBookkeeping bookkeeping;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final CallLanes lanes;

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
     * A processor that writes each attempt's book-keeping one write after the other
     * ({@link DeliveryBookkeeping#separately}).
     *
     * @param messageLog where each attempt's payload and the provider's reference (or the failure) are logged
     */
    public DurableCallProcessor(DurableCallHandler handler, DeliveryLedger ledger, CallRecorder recorder,
                                Clock clock, CircuitBreakerRegistry breakers, MessageLog messageLog) {
        this(handler, DeliveryBookkeeping.separately(ledger, recorder, messageLog), ledger, clock, breakers,
                CallLanes.SEQUENTIAL);
    }

    private DurableCallProcessor(DurableCallHandler handler, DeliveryBookkeeping bookkeeping, DeliveryLedger ledger,
                                 Clock clock, CircuitBreakerRegistry breakers, CallLanes lanes) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.breakers = breakers;
        this.lanes = Objects.requireNonNull(lanes, "lanes");
    }

    /**
     * A processor whose batches' book-keeping is written by {@code bookkeeping} (the application's writes all of a
     * batch in one commit).
     *
     * @param lanes the provider's bulkhead, which every call holds a permit of and which bounds how many calls of a
     *              batch overlap ({@link CallLanes#SEQUENTIAL}: one after the other, no bulkhead)
     */
    public static DurableCallProcessor withBookkeeping(DurableCallHandler handler, DeliveryLedger ledger,
                                                       DeliveryBookkeeping bookkeeping, Clock clock,
                                                       CircuitBreakerRegistry breakers, CallLanes lanes) {
        return new DurableCallProcessor(handler, bookkeeping, ledger, clock, breakers, lanes);
    }

    /** The operation this processor delivers. */
    public ProviderOperation operation() {
        return handler.operation();
    }

    /**
     * Delivers the batch in the exchange's body (a {@code List} of {@link QueuedMessage}).
     *
     * @throws BatchNotDeliveredException if any of them was not delivered: the JMS transaction must roll back
     */
    @Override
    public void process(Exchange exchange) {
        List<?> body = exchange.getMessage().getBody(List.class);
        if (body == null) {
            throw new IllegalArgumentException("a durable consumer's exchange carries a list of queued messages");
        }
        List<QueuedMessage> messages = new ArrayList<>();
        for (Object message : body) {
            messages.add((QueuedMessage) message);
        }
        List<Attempt> attempts = deliverQueued(messages);
        List<Attempt> failed = attempts.stream().filter(attempt -> !attempt.delivered()).toList();
        if (!failed.isEmpty()) {
            throw new BatchNotDeliveredException(handler.operation(), attempts.size(), failed);
        }
    }

    /**
     * Delivers queued messages, in order; a message that cannot be read as a call of this operation fails alone.
     *
     * @return one attempt per message, in the same order
     */
    public List<Attempt> deliverQueued(List<QueuedMessage> messages) {
        List<Attempt> attempts = new ArrayList<>();
        List<DurableCall> calls = new ArrayList<>();
        List<String> orderingKeys = new ArrayList<>();
        for (QueuedMessage message : messages) {
            try {
                DurableCall call = DurableMessage.read(handler.operation(), message.properties()::get,
                        message.body(), message.deliveryCount());
                Object group = message.properties().get(DurableMessage.GROUP_ID);
                calls.add(call);
                orderingKeys.add(group == null ? orderingKeyOf(call) : group.toString());
                attempts.add(null);
            } catch (IllegalArgumentException unreadable) {
                attempts.add(Attempt.unreadable(unreadable));
            }
        }
        Iterator<Attempt> delivered = deliverAll(calls, orderingKeys).iterator();
        attempts.replaceAll(attempt -> attempt == null ? delivered.next() : attempt);
        return attempts;
    }

    /**
     * Delivers one call; returns normally once the effect is known to exist (so the message may be acknowledged).
     *
     * @throws RuntimeException when it does not (the message must be redelivered or dead-lettered)
     */
    public void deliver(DurableCall call) {
        Attempt attempt = deliverAll(List.of(call)).get(0);
        if (!attempt.delivered()) {
            throw attempt.failure();
        }
    }

    /**
     * Delivers a batch of calls: claims them all, calls the provider for each that needs it, and settles them all.
     * A second copy of a call in the same batch shares the first copy's fate without being sent. Calls are ordered
     * by their case (by the idempotency key when they have none), as the outbox orders them.
     *
     * @return one attempt per call, in the same order
     * @throws RuntimeException only if the claims could not be stored (nothing was sent then)
     */
    public List<Attempt> deliverAll(List<DurableCall> calls) {
        return deliverAll(calls, calls.stream().map(DurableCallProcessor::orderingKeyOf).toList());
    }

    /**
     * As {@link #deliverAll(List)}, with each call's ordering key (the message group the outbox gave it): calls of one
     * key are made in the given order, one after the other; calls of different keys may overlap.
     */
    public List<Attempt> deliverAll(List<DurableCall> calls, List<String> orderingKeys) {
        if (orderingKeys.size() != calls.size()) {
            throw new IllegalArgumentException("one ordering key per call");
        }
        Set<String> keys = new LinkedHashSet<>();
        calls.forEach(call -> keys.add(call.idempotencyKey()));
        Map<String, DeliveryLedger.Claim> claims = keys.isEmpty() ? Map.of() : ledger.claimAll(keys);
        Map<String, Attempt> firstOfKey = new HashMap<>();
        Map<String, List<Claimed>> byOrderingKey = new LinkedHashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        List<Attempt> written = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            DurableCall call = calls.get(i);
            String key = call.idempotencyKey();
            Attempt first = firstOfKey.get(key);
            if (first != null) {
                attempts.add(Attempt.copyOf(call, first));
                continue;
            }
            DeliveryLedger.Claim claim = claims.get(key);
            Attempt attempt;
            if (claim == null) {
                attempt = Attempt.of(call);
                attempt.fail(new UnknownDurableCallException(key));
            } else {
                attempt = Attempt.of(new DurableCall(call.operation(), call.businessKey(), call.payload(),
                        call.context(), claim.attemptNumber()));
                byOrderingKey.computeIfAbsent(orderingKeys.get(i), k -> new ArrayList<>())
                        .add(new Claimed(attempt, claim.state()));
            }
            firstOfKey.put(key, attempt);
            attempts.add(attempt);
            written.add(attempt);
        }
        AtomicReference<RuntimeException> unavailable = new AtomicReference<>();
        lanes.run(new ArrayList<>(byOrderingKey.values()), group -> attemptInOrder(group, unavailable));
        if (!written.isEmpty()) {
            bookkeeping.settle(written);
        }
        return attempts;
    }

    /** A call of the batch, claimed, with what the ledger knew before the claim. */
    private record Claimed(Attempt attempt, DeliveryLedger.State state) {
    }

    /**
     * The calls of one ordering key, in order, one after the other. None is started once the provider was found
     * unavailable by any lane of the batch: its claim is taken back.
     */
    private void attemptInOrder(List<Claimed> group, AtomicReference<RuntimeException> unavailable) {
        for (Claimed claimed : group) {
            Attempt attempt = claimed.attempt();
            RuntimeException stop = unavailable.get();
            if (stop != null && claimed.state() != DeliveryLedger.State.SETTLED
                    && claimed.state() != DeliveryLedger.State.REJECTED) {
                attempt.fail(new NotAttemptedException(attempt.call().operation(), attempt.call().idempotencyKey(),
                        stop));
                attempt.settle(new DeliveryLedger.Released(attempt.call().idempotencyKey()));
                continue;
            }
            attempt(attempt, claimed.state());
            if (!attempt.delivered() && !isPermanent(attempt.failure())
                    && !(attempt.failure() instanceof DeliveryRefusedException)) {
                unavailable.compareAndSet(null, attempt.failure());
            }
        }
    }

    /**
     * The ordering key of a call whose message carried none: its case at this provider (the outbox's key for a
     * case-bound effect), or the call alone.
     */
    static String orderingKeyOf(DurableCall call) {
        return call.context().caseNumber() != null ? "case:" + call.context().caseNumber()
                : "key:" + call.idempotencyKey();
    }

    /** One attempt of a claimed call; what happened is kept in {@code attempt}, nothing is written yet. */
    private void attempt(Attempt attempt, DeliveryLedger.State state) {
        DurableCall call = attempt.call();
        String key = call.idempotencyKey();
        switch (state) {
            case SETTLED -> {
                LOG.debug("{} {} already settled; acknowledging a duplicate delivery", call.operation(), key);
                return;
            }
            case REJECTED -> {
                attempt.fail(new DeliveryRefusedException(call.operation(), key));
                return;
            }
            case RETRY -> {
                if (!handler.resendIsSafe() && reconcile(attempt)) {
                    return;
                }
                if (!attempt.delivered()) {
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
            reference = throughBreaker(() -> handler.execute(call));
        } catch (RuntimeException failure) {
            if (refusedByBreaker(attempt, start, failure)) {
                return;
            }
            boolean permanent = isPermanent(failure);
            attempt.fail(failure);
            attempt.logged(LoggedExchange.failed(call.operation().provider(), call.operation().name(),
                    call.context(), start, clock.instant(), call.payload(), failure));
            attempt.settle(new DeliveryLedger.Failed(key, describe(failure), permanent));
            attempt.recorded(record(call, start, permanent ? CallOutcome.PROVIDER_FAILED : unavailable(failure),
                    failure, permanent ? "REFUSED" : "RETRY_LATER", null));
            return;
        }
        String answer = reference == null ? "" : reference;
        attempt.logged(LoggedExchange.answered(call.operation().provider(), call.operation().name(),
                call.context(), start, clock.instant(), call.payload(), answer));
        attempt.settle(new DeliveryLedger.Completed(key, reference, false));
        attempt.recorded(record(call, start, CallOutcome.SUCCESS, null, "DELIVERED", reference));
    }

    /**
     * True if the provider already has the effect, which then settles the call; a failure to tell fails the attempt.
     * The question and its answer are message-logged like any other exchange, as operation
     * {@code <name>}{@value #RECONCILE_SUFFIX}.
     */
    private boolean reconcile(Attempt attempt) {
        DurableCall call = attempt.call();
        Instant start = clock.instant();
        String operation = call.operation().name() + RECONCILE_SUFFIX;
        String question = reconcileQuestion(call);
        boolean done;
        try {
            done = throughBreaker(() -> handler.alreadyDone(call));
        } catch (RuntimeException failure) {
            if (refusedByBreaker(attempt, start, failure)) {
                return false;
            }
            attempt.fail(failure);
            attempt.logged(LoggedExchange.failed(call.operation().provider(), operation, call.context(), start,
                    clock.instant(), question, failure));
            attempt.settle(new DeliveryLedger.Failed(call.idempotencyKey(), describe("reconcile: ", failure),
                    false));
            attempt.recorded(record(call, start, unavailable(failure), failure, "RETRY_LATER", null));
            return false;
        }
        attempt.logged(LoggedExchange.answered(call.operation().provider(), operation, call.context(), start,
                clock.instant(), question, ExchangeBodies.of(Map.of("alreadyDone", done))));
        if (done) {
            LOG.info("{} {}: the provider already has the effect of an earlier attempt; not sending it again",
                    call.operation(), call.idempotencyKey());
            attempt.settle(new DeliveryLedger.Completed(call.idempotencyKey(), null, true));
            attempt.recorded(record(call, start, CallOutcome.SUCCESS, null, "RECONCILED", null));
        }
        return done;
    }

    /** What the hub asks the provider when it reconciles: by our business key (canonical JSON). */
    static String reconcileQuestion(DurableCall call) {
        return ExchangeBodies.of(new TreeMap<>(Map.of("businessKey", call.businessKey(),
                "idempotencyKey", call.idempotencyKey())));
    }

    private <T> T throughBreaker(Supplier<T> providerCall) {
        Optional<CircuitBreaker> breaker = breaker();
        return lanes.call(breaker.isPresent() ? () -> breaker.get().executeSupplier(providerCall) : providerCall);
    }

    private Optional<CircuitBreaker> breaker() {
        return breakers == null ? Optional.empty() : breakers.find(handler.operation().provider().code());
    }

    /**
     * True if {@code failure} is the provider's open breaker refusing the call: then nothing reached the provider, so
     * the attempt is taken back instead of counted (a first attempt stays a first attempt and needs no reconciliation
     * later), with the refusal as the call's last error. The call fails with a typed "provider unavailable, retry
     * after the breaker's open-state wait", its batch stops there, and the message waits for its next redelivery.
     */
    private boolean refusedByBreaker(Attempt attempt, Instant start, RuntimeException failure) {
        Optional<CircuitBreaker> breaker = breaker();
        if (!(ProviderFailureTranslator.unwrap(failure) instanceof CallNotPermittedException) || breaker.isEmpty()) {
            return false;
        }
        DurableCall call = attempt.call();
        RuntimeException unavailable = new ProviderFailureTranslator(call.operation().provider(), breaker.get(),
                Duration.ZERO).translate(failure);
        attempt.fail(unavailable);
        attempt.settle(new DeliveryLedger.Released(call.idempotencyKey(), describe("not sent: ", unavailable)));
        attempt.recorded(record(call, start, CallOutcome.REJECTED_LOCALLY, unavailable, "RETRY_LATER", null));
        return true;
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
        return describe("", failure);
    }

    /** The failure as the ledger keeps it: at most 1000 characters, {@code prefix} included. */
    private static String describe(String prefix, Throwable failure) {
        Throwable cause = ProviderFailureTranslator.unwrap(failure);
        return TextCut.atMost(prefix + cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1000);
    }

    /** One monitoring record per attempt; the request leaves and the answer (if any) arrives within it. */
    private CallRecord record(DurableCall call, Instant start, CallOutcome outcome, Throwable failure,
                              String status, String response) {
        Instant end = clock.instant();
        boolean answered = failure == null || isPermanent(failure);
        ProviderLeg leg = new ProviderLeg(start, answered ? end : null,
                (long) call.payload().getBytes(StandardCharsets.UTF_8).length,
                response == null ? null : (long) response.getBytes(StandardCharsets.UTF_8).length, status);
        return new CallRecord(start, end, call.operation().provider(), call.operation().name(),
                call.context(), call.attempt(), outcome,
                failure == null ? null : ProviderFailureTranslator.faultCode(failure),
                failure == null ? null : ProviderFailureTranslator.unwrap(failure).getMessage(), leg);
    }
}
