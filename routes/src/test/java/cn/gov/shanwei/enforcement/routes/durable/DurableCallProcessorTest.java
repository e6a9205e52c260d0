package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableCallProcessorTest {

    private static final ProviderOperation SEAL = new ProviderOperation(Provider.SEAL, "request");

    private final Ledger ledger = new Ledger();
    private final List<CallRecord> records = new ArrayList<>();
    private final Handler handler = new Handler(false);

    @Test
    void deliver_firstAttempt_callsTheProviderOnceAndSettles() {
        processor(handler).deliver(call("k-1"));

        assertThat(handler.executed).containsExactly("k-1");
        assertThat(handler.asked).isEmpty();
        assertThat(ledger.states).containsEntry("k-1", "DONE");
        assertThat(records).singleElement().extracting(CallRecord::outcome).isEqualTo(CallOutcome.SUCCESS);
    }

    @Test
    void deliver_whenAlreadySettled_acknowledgesWithoutCallingAnybody() {
        processor(handler).deliver(call("k-1"));
        processor(handler).deliver(call("k-1"));

        assertThat(handler.executed).containsExactly("k-1");
    }

    @Test
    void deliver_retryOfANonDeduplicatingProvider_reconcilesFirstAndDoesNotSendAgainWhenDone() {
        ledger.states.put("k-1", "ATTEMPTING");
        ledger.attempts.put("k-1", 1);
        handler.providerHas.add("biz-k-1");

        processor(handler).deliver(call("k-1"));

        assertThat(handler.asked).containsExactly("biz-k-1");
        assertThat(handler.executed).isEmpty();
        assertThat(ledger.states).containsEntry("k-1", "DONE");
        assertThat(ledger.reconciled).contains("k-1");
    }

    @Test
    void deliver_retryOfANonDeduplicatingProvider_sendsWhenTheProviderHasNoTrace() {
        ledger.states.put("k-1", "RETRYING");
        ledger.attempts.put("k-1", 2);

        processor(handler).deliver(call("k-1"));

        assertThat(handler.asked).containsExactly("biz-k-1");
        assertThat(handler.executed).containsExactly("k-1");
        assertThat(records).singleElement().extracting(CallRecord::attempts).isEqualTo(3);
    }

    @Test
    void deliver_whenReconcileCannotTell_failsWithoutSending() {
        ledger.states.put("k-1", "ATTEMPTING");
        ledger.attempts.put("k-1", 1);
        handler.reconcileFailure = transport();

        assertThatThrownBy(() -> processor(handler).deliver(call("k-1"))).isSameAs(handler.reconcileFailure);
        assertThat(handler.executed).isEmpty();
        assertThat(ledger.states).containsEntry("k-1", "RETRYING");
    }

    @Test
    void deliver_retryOfADeduplicatingProvider_resendsWithTheSameKeyWithoutAsking() {
        Handler deduplicating = new Handler(true);
        ledger.states.put("k-1", "ATTEMPTING");
        ledger.attempts.put("k-1", 1);

        processor(deduplicating).deliver(call("k-1"));

        assertThat(deduplicating.asked).isEmpty();
        assertThat(deduplicating.executed).containsExactly("k-1");
    }

    @Test
    void deliver_transportFailure_isRetryableAndRecorded() {
        handler.executeFailure = transport();

        assertThatThrownBy(() -> processor(handler).deliver(call("k-1"))).isSameAs(handler.executeFailure);
        assertThat(ledger.states).containsEntry("k-1", "RETRYING");
        assertThat(records).singleElement().extracting(CallRecord::outcome).isEqualTo(CallOutcome.UNAVAILABLE);
    }

    @Test
    void deliver_afterTheProviderRefused_neverSendsAgain() {
        handler.executeFailure = new ProviderRejectedException("seal", "request", "seal revoked", "SEAL_REVOKED",
                "p-1", null);
        assertThatThrownBy(() -> processor(handler).deliver(call("k-1")))
                .isInstanceOf(ProviderRejectedException.class);
        assertThat(ledger.states).containsEntry("k-1", "REJECTED");

        assertThatThrownBy(() -> processor(handler).deliver(call("k-1")))
                .isInstanceOf(DeliveryRefusedException.class);
        assertThat(handler.executed).containsExactly("k-1");
    }

    @Test
    void deliver_whileTheProvidersBreakerIsOpen_failsAtOnceWithoutCallingIt_andTheAttemptIsNotCounted() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.circuitBreaker(Provider.SEAL.code()).transitionToOpenState();
        DurableCallProcessor guarded = guardedBy(breakers);

        assertThatThrownBy(() -> guarded.deliver(call("k-1"))).isInstanceOf(ProviderUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class)
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(60)));
        assertThat(handler.executed).isEmpty();
        assertThat(ledger.states).as("taken back: nothing reached the provider").containsEntry("k-1", "QUEUED");
        assertThat(ledger.attempts).containsEntry("k-1", 0);
        assertThat(records).singleElement().extracting(CallRecord::outcome).isEqualTo(CallOutcome.REJECTED_LOCALLY);

        breakers.circuitBreaker(Provider.SEAL.code()).transitionToClosedState();
        guarded.deliver(call("k-1"));
        assertThat(handler.asked).as("still a first attempt: nothing to reconcile").isEmpty();
        assertThat(handler.executed).containsExactly("k-1");
        assertThat(ledger.attempts).containsEntry("k-1", 1);
    }

    @Test
    void deliver_retryWhileTheBreakerIsOpen_neitherReconcilesNorSends_andReconcilesOnceItCloses() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        breakers.circuitBreaker(Provider.SEAL.code()).transitionToOpenState();
        DurableCallProcessor guarded = guardedBy(breakers);
        ledger.states.put("k-1", "RETRYING");
        ledger.attempts.put("k-1", 1);

        assertThatThrownBy(() -> guarded.deliver(call("k-1"))).isInstanceOf(ProviderUnavailableException.class);
        assertThat(handler.asked).isEmpty();
        assertThat(handler.executed).isEmpty();
        assertThat(ledger.states).containsEntry("k-1", "RETRYING");
        assertThat(ledger.attempts).as("the one attempt that reached the provider").containsEntry("k-1", 1);

        breakers.circuitBreaker(Provider.SEAL.code()).transitionToClosedState();
        guarded.deliver(call("k-1"));
        assertThat(handler.asked).as("the earlier attempt's outcome is unknown").containsExactly("biz-k-1");
        assertThat(handler.executed).containsExactly("k-1");
    }

    @Test
    void deliver_whenTheLedgerAndTheLogFailToo_theProvidersFailureStaysPrimaryWithTheOthersSuppressed() {
        handler.executeFailure = transport();
        RuntimeException ledgerDown = new IllegalStateException("database gone");
        RuntimeException logDown = new IllegalStateException("message log gone");
        ledger.failOnFailed = ledgerDown;
        DurableCallProcessor processor = new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(),
                null, exchange -> {
                    throw logDown;
                });

        assertThatThrownBy(() -> processor.deliver(call("k-1")))
                .isSameAs(handler.executeFailure)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(logDown, ledgerDown));
        assertThat(records).as("the monitoring record is still written").singleElement()
                .extracting(CallRecord::outcome).isEqualTo(CallOutcome.UNAVAILABLE);
    }

    @Test
    void deliver_whenReconcileFailsAndTheLedgerToo_theProvidersFailureStaysPrimary() {
        ledger.states.put("k-1", "ATTEMPTING");
        ledger.attempts.put("k-1", 1);
        handler.reconcileFailure = transport();
        RuntimeException ledgerDown = new IllegalStateException("database gone");
        ledger.failOnFailed = ledgerDown;

        assertThatThrownBy(() -> processor(handler).deliver(call("k-1")))
                .isSameAs(handler.reconcileFailure)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(ledgerDown));
        assertThat(handler.executed).isEmpty();
    }

    @Test
    void deliver_whenTheLogFailsAfterASuccess_theEffectIsStillSettled() {
        DurableCallProcessor processor = new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(),
                null, exchange -> {
                    throw new IllegalStateException("message log gone");
                });

        processor.deliver(call("k-1"));

        assertThat(ledger.states).containsEntry("k-1", "DONE");
    }

    @Test
    void deliver_reconciliation_isMessageLoggedWithTheQuestionAndTheAnswer() {
        ledger.states.put("k-1", "ATTEMPTING");
        ledger.attempts.put("k-1", 1);
        handler.providerHas.add("biz-k-1");
        List<LoggedExchange> logged = new ArrayList<>();

        new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(), null, logged::add)
                .deliver(call("k-1"));

        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo("request.reconcile");
            assertThat(entry.requestBody()).isEqualTo("{\"businessKey\":\"biz-k-1\",\"idempotencyKey\":\"k-1\"}");
            assertThat(entry.responseBody()).isEqualTo("{\"alreadyDone\":true}");
            assertThat(entry.fault()).isNull();
        });
    }

    @Test
    void deliver_reconciliationThatFindsNothing_isLoggedThenTheSendIsLoggedToo() {
        ledger.states.put("k-1", "RETRYING");
        ledger.attempts.put("k-1", 1);
        List<LoggedExchange> logged = new ArrayList<>();

        new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(), null, logged::add)
                .deliver(call("k-1"));

        assertThat(logged).extracting(LoggedExchange::operation).containsExactly("request.reconcile", "request");
        assertThat(logged.get(0).responseBody()).isEqualTo("{\"alreadyDone\":false}");
        assertThat(logged.get(1).responseBody()).isEqualTo("ref-k-1");
    }

    @Test
    void deliver_reconciliationThatCannotTell_isLoggedAsAFailure() {
        ledger.states.put("k-1", "RETRYING");
        ledger.attempts.put("k-1", 1);
        handler.reconcileFailure = transport();
        List<LoggedExchange> logged = new ArrayList<>();

        assertThatThrownBy(() -> new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(), null,
                logged::add).deliver(call("k-1"))).isSameAs(handler.reconcileFailure);

        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo("request.reconcile");
            assertThat(entry.fault()).isEqualTo("ProviderTransportException");
            assertThat(entry.responseBody()).isNull();
        });
    }

    @Test
    void deliverAll_claimsTheWholeBatchBeforeAnyCall_andBooksItInOneSettlement() {
        List<List<Attempt>> settlements = new ArrayList<>();
        List<String> claimedBeforeFirstCall = new ArrayList<>();
        handler.beforeExecute = () -> {
            if (claimedBeforeFirstCall.isEmpty()) {
                claimedBeforeFirstCall.addAll(ledger.states.keySet());
            }
        };
        DurableCallProcessor processor = DurableCallProcessor.withBookkeeping(handler, ledger, settlements::add,
                Clock.systemUTC(), null, CallLanes.SEQUENTIAL);

        List<Attempt> attempts = processor.deliverAll(List.of(call("k-1"), call("k-2"), call("k-3")));

        assertThat(attempts).allMatch(Attempt::delivered);
        assertThat(ledger.claimAllCalls).isEqualTo(1);
        assertThat(claimedBeforeFirstCall).containsExactlyInAnyOrder("k-1", "k-2", "k-3");
        assertThat(settlements).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(Attempt::outcome)
                .containsExactly(new DeliveryLedger.Completed("k-1", "ref-k-1", false),
                        new DeliveryLedger.Completed("k-2", "ref-k-2", false),
                        new DeliveryLedger.Completed("k-3", "ref-k-3", false)));
    }

    @Test
    void deliverAll_aRefusalInTheMiddle_failsOnlyItself_andTheOthersAreDeliveredOnce() {
        handler.refused.add("k-2");

        List<Attempt> attempts = processor(handler).deliverAll(List.of(call("k-1"), call("k-2"), call("k-3")));

        assertThat(attempts).extracting(Attempt::delivered).containsExactly(true, false, true);
        assertThat(attempts.get(1).failure()).isInstanceOf(ProviderRejectedException.class);
        assertThat(handler.executed).containsExactly("k-1", "k-2", "k-3");
        assertThat(ledger.states).containsEntry("k-1", "DONE").containsEntry("k-2", "REJECTED")
                .containsEntry("k-3", "DONE");
    }

    @Test
    void deliverAll_afterTheProviderTurnsOutUnavailable_theRestIsNotSentAndItsClaimsAreTakenBack() {
        handler.unavailableFor.add("k-2");

        List<Attempt> attempts = processor(handler).deliverAll(List.of(call("k-1"), call("k-2"), call("k-3")));

        assertThat(attempts).extracting(Attempt::delivered).containsExactly(true, false, false);
        assertThat(attempts.get(2).failure()).isInstanceOf(NotAttemptedException.class);
        assertThat(handler.executed).containsExactly("k-1", "k-2");
        assertThat(ledger.states).containsEntry("k-2", "RETRYING").containsEntry("k-3", "QUEUED");
        assertThat(ledger.attempts).as("an attempt never made is not counted").containsEntry("k-3", 0);
        assertThat(records).extracting(CallRecord::outcome)
                .containsExactly(CallOutcome.SUCCESS, CallOutcome.UNAVAILABLE);
    }

    @Test
    void deliverAll_twoCopiesOfACallInOneBatch_sendItOnce_andShareItsFate() {
        List<Attempt> attempts = processor(handler).deliverAll(List.of(call("k-1"), call("k-1")));

        assertThat(attempts).allMatch(Attempt::delivered);
        assertThat(handler.executed).containsExactly("k-1");
        assertThat(records).hasSize(1);

        handler.refused.add("k-2");
        List<Attempt> refused = processor(handler).deliverAll(List.of(call("k-2"), call("k-2")));
        assertThat(refused).noneMatch(Attempt::delivered);
        assertThat(handler.executed).containsExactly("k-1", "k-2");
    }

    @Test
    void deliverAll_crashBetweenTheCallsAndTheSettlement_theRedeliveryReconcilesAndSendsNothingTwice() {
        RuntimeException crash = new IllegalStateException("the hub died before the batch was booked");
        DurableCallProcessor dying = DurableCallProcessor.withBookkeeping(handler, ledger, attempts -> {
            throw crash;
        }, Clock.systemUTC(), null, CallLanes.SEQUENTIAL);
        assertThatThrownBy(() -> dying.deliverAll(List.of(call("k-1"), call("k-2")))).isSameAs(crash);
        assertThat(handler.executed).containsExactly("k-1", "k-2");
        assertThat(ledger.states).containsEntry("k-1", "ATTEMPTING").containsEntry("k-2", "ATTEMPTING");
        handler.providerHas.addAll(List.of("biz-k-1", "biz-k-2"));

        List<Attempt> redelivered = processor(handler).deliverAll(List.of(call("k-1"), call("k-2"), call("k-3")));

        assertThat(redelivered).allMatch(Attempt::delivered);
        assertThat(handler.asked).containsExactly("biz-k-1", "biz-k-2");
        assertThat(handler.executed).as("each effect sent once").containsExactly("k-1", "k-2", "k-3");
        assertThat(ledger.reconciled).containsExactly("k-1", "k-2");
    }

    @Test
    void process_aBatchWithAnUnreadableMessage_deliversTheOthersAndFailsTheExchange() {
        Map<String, Object> good = new HashMap<>(DurableMessage.properties(SEAL, "biz-k-1", "SW-1", context("k-1")));
        Map<String, Object> bad = new HashMap<>(good);
        bad.remove(DurableMessage.IDEMPOTENCY_KEY);
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(
                new org.apache.camel.impl.DefaultCamelContext());
        exchange.getMessage().setBody(List.of(new QueuedMessage("{}", good, 1), new QueuedMessage("{}", bad, 1)));

        assertThatThrownBy(() -> processor(handler).process(exchange))
                .isInstanceOf(BatchNotDeliveredException.class)
                .satisfies(e -> assertThat(((BatchNotDeliveredException) e).notDelivered()).isEqualTo(1))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(handler.executed).containsExactly("k-1");
        assertThat(ledger.states).containsEntry("k-1", "DONE");
    }

    @Test
    void read_messageOfAnotherOperation_isRefused() {
        Map<String, Object> headers = new HashMap<>(DurableMessage.properties(
                new ProviderOperation(Provider.PAYMENT, "notice"), "biz", "SW-1", context("k-9")));

        assertThatThrownBy(() -> DurableMessage.read(SEAL, headers::get, "{}", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment.notice");
    }

    @Test
    void read_roundTripsTheContext() {
        CallContext context = context("k-7");
        Map<String, Object> headers = new HashMap<>(DurableMessage.properties(SEAL, "biz-7", "SW-1", context));

        DurableCall call = DurableMessage.read(SEAL, headers::get, "{\"a\":1}", 2);

        assertThat(call.context()).isEqualTo(context);
        assertThat(call.businessKey()).isEqualTo("biz-7");
        assertThat(headers).containsEntry(DurableMessage.GROUP_ID, "SW-1");
    }

    private DurableCallProcessor guardedBy(CircuitBreakerRegistry breakers) {
        return new DurableCallProcessor(handler, ledger, records::add, Clock.systemUTC(), breakers);
    }

    private DurableCallProcessor processor(DurableCallHandler h) {
        return new DurableCallProcessor(h, ledger, records::add, Clock.systemUTC());
    }

    private static ProviderTransportException transport() {
        return new ProviderTransportException("seal", "request", "connection reset", 0, null);
    }

    private static DurableCall call(String key) {
        return new DurableCall(SEAL, "biz-" + key, "{}", context(key), 1);
    }

    private static CallContext context(String key) {
        return new CallContext("case-platform", "officer-1", "SW-2026-1", "330217001000", key, "trace-" + key);
    }

    /** The ledger's contract in memory, as the JDBC ledger implements it over the outbox table. */
    private static final class Ledger implements DeliveryLedger {
        final Map<String, String> states = new HashMap<>();
        final Map<String, Integer> attempts = new HashMap<>();
        final List<String> reconciled = new ArrayList<>();
        RuntimeException failOnFailed;
        int claimAllCalls;

        @Override
        public Map<String, Claim> claimAll(java.util.Collection<String> keys) {
            claimAllCalls++;
            return DeliveryLedger.super.claimAll(keys);
        }

        @Override
        public void release(String key) {
            int before = attempts.get(key) - 1;
            attempts.put(key, before);
            states.put(key, before == 0 ? "QUEUED" : "RETRYING");
        }

        @Override
        public Claim claim(String key) {
            String state = states.getOrDefault(key, "QUEUED");
            int before = attempts.getOrDefault(key, 0);
            if (state.equals("DONE")) {
                return new Claim(State.SETTLED, before);
            }
            if (state.equals("REJECTED")) {
                return new Claim(State.REJECTED, before);
            }
            attempts.put(key, before + 1);
            states.put(key, "ATTEMPTING");
            return new Claim(before == 0 ? State.FIRST_ATTEMPT : State.RETRY, before + 1);
        }

        @Override
        public void completed(String key, String reference, boolean wasReconciled) {
            states.put(key, "DONE");
            if (wasReconciled) {
                reconciled.add(key);
            }
        }

        @Override
        public void failed(String key, String error, boolean permanent) {
            if (failOnFailed != null) {
                throw failOnFailed;
            }
            states.put(key, permanent ? "REJECTED" : "RETRYING");
        }
    }

    private static final class Handler implements DurableCallHandler {
        final boolean deduplicates;
        final List<String> executed = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<String> providerHas = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<String> unavailableFor = new ArrayList<>();
        Runnable beforeExecute = () -> { };
        RuntimeException executeFailure;
        RuntimeException reconcileFailure;

        Handler(boolean deduplicates) {
            this.deduplicates = deduplicates;
        }

        @Override
        public ProviderOperation operation() {
            return SEAL;
        }

        @Override
        public String execute(DurableCall call) {
            beforeExecute.run();
            executed.add(call.idempotencyKey());
            if (executeFailure != null) {
                throw executeFailure;
            }
            if (refused.contains(call.idempotencyKey())) {
                throw new ProviderRejectedException("seal", "request", "refused", "E1", null, null);
            }
            if (unavailableFor.contains(call.idempotencyKey())) {
                throw transport();
            }
            return "ref-" + call.idempotencyKey();
        }

        @Override
        public boolean resendIsSafe() {
            return deduplicates;
        }

        @Override
        public boolean alreadyDone(DurableCall call) {
            asked.add(call.businessKey());
            if (reconcileFailure != null) {
                throw reconcileFailure;
            }
            return providerHas.contains(call.businessKey());
        }
    }
}
