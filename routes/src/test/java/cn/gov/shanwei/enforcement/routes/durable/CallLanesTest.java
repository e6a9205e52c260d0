package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls of one batch on lanes (ADR 0408): cases overlap, one case's calls keep their order, the bulkhead holds. */
class CallLanesTest {

    private static final ProviderOperation SEAL = new ProviderOperation(Provider.SEAL, "request");

    private final CallLanes lanes = CallLanes.bulkhead(3, "test");
    private final ConcurrentLedger ledger = new ConcurrentLedger();
    private final List<List<Attempt>> settlements = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeLanes() {
        lanes.close();
    }

    @Test
    void aBatch_callsDifferentCasesAtOnce_andEachCasesCallsOneAfterTheOtherInOrder() {
        // Cases B and C each wait until the other has started: they can only both finish if they overlap.
        CountDownLatch bothStarted = new CountDownLatch(2);
        RecordingHandler handler = new RecordingHandler(call -> {
            String caseNumber = call.context().caseNumber();
            if (caseNumber.equals("B") || caseNumber.equals("C")) {
                bothStarted.countDown();
                await(bothStarted);
            } else {
                pause(20);   // long enough for a later call of case A to start too early, were it not ordered
            }
        });
        List<DurableCall> batch = List.of(call("a-1", "A"), call("b-1", "B"), call("a-2", "A"), call("c-1", "C"),
                call("a-3", "A"));

        List<Attempt> attempts = processor(handler).deliverAll(batch);

        assertThat(attempts).allMatch(Attempt::delivered);
        assertThat(bothStarted.getCount()).as("B and C were in flight at the same time").isZero();
        assertThat(handler.startedOf("A")).containsExactly("a-1", "a-2", "a-3");
        assertThat(handler.overlapsWithinACase).as("a call of case A started while another of A was in flight")
                .isZero();
        assertThat(settlements).singleElement().satisfies(settled -> assertThat(settled)
                .extracting(attempt -> attempt.call().idempotencyKey())
                .as("booked in the batch's order").containsExactly("a-1", "b-1", "a-2", "c-1", "a-3"));
    }

    @Test
    void theBulkhead_boundsTheCallsInFlight_ofABatch() {
        CountDownLatch full = new CountDownLatch(lanes.lanes());
        RecordingHandler handler = new RecordingHandler(call -> {
            full.countDown();
            await(full);   // the first calls wait until as many are in flight as the bulkhead lets
            pause(5);
        });
        List<DurableCall> batch = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            batch.add(call("k-" + i, "case-" + i));
        }

        List<Attempt> attempts = processor(handler).deliverAll(batch);

        assertThat(attempts).allMatch(Attempt::delivered);
        assertThat(handler.mostInFlight.get()).isEqualTo(lanes.lanes());
        assertThat(handler.started).hasSize(9);
    }

    @Test
    void onceALaneFindsTheProviderUnavailable_noFurtherCallOfTheBatchStarts_andTheirClaimsAreTakenBack() {
        RecordingHandler handler = new RecordingHandler(call -> {
            if (call.idempotencyKey().equals("k-1")) {
                throw new ProviderTransportException("seal", "request", "connection refused", 0, null);
            }
            pause(20);
        });
        List<DurableCall> batch = new ArrayList<>();
        batch.add(call("k-1", "A"));
        batch.add(call("k-2", "A"));
        for (int i = 3; i <= 12; i++) {
            batch.add(call("k-" + i, "case-" + i));
        }

        List<Attempt> attempts = processor(handler).deliverAll(batch);

        assertThat(attempts.get(1).failure()).as("the same case's next call").isInstanceOf(NotAttemptedException.class);
        long notAttempted = attempts.stream().filter(a -> a.failure() instanceof NotAttemptedException).count();
        assertThat(handler.started.size() + notAttempted).isEqualTo(batch.size());
        assertThat(handler.started).as("only the calls already under way when k-1 failed").hasSizeLessThan(6);
        attempts.stream().filter(a -> a.failure() instanceof NotAttemptedException)
                .forEach(a -> assertThat(ledger.attempts.get(a.call().idempotencyKey())).isZero());
    }

    private DurableCallProcessor processor(DurableCallHandler handler) {
        return DurableCallProcessor.withBookkeeping(handler, ledger, batch -> {
            settlements.add(batch);
            ledger.settleAll(batch.stream().map(Attempt::outcome).filter(o -> o != null).toList());
        }, Clock.systemUTC(), null, lanes);
    }

    private static DurableCall call(String key, String caseNumber) {
        return new DurableCall(SEAL, "biz-" + key, "{}", new CallContext("case-platform", "officer-1", caseNumber,
                "330217001000", key, "trace-" + key), 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other calls never started alongside");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A provider that takes every call, records when each starts, and counts calls in flight. */
    private static final class RecordingHandler implements DurableCallHandler {
        final List<DurableCall> started = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final Set<String> casesInFlight = ConcurrentHashMap.newKeySet();
        int overlapsWithinACase;
        private final java.util.function.Consumer<DurableCall> work;

        RecordingHandler(java.util.function.Consumer<DurableCall> work) {
            this.work = work;
        }

        List<String> startedOf(String caseNumber) {
            return started.stream().filter(call -> call.context().caseNumber().equals(caseNumber))
                    .map(DurableCall::idempotencyKey).toList();
        }

        @Override
        public ProviderOperation operation() {
            return SEAL;
        }

        @Override
        public String execute(DurableCall call) {
            if (!casesInFlight.add(call.context().caseNumber())) {
                synchronized (this) {
                    overlapsWithinACase++;
                }
            }
            started.add(call);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                work.accept(call);
                return "ref-" + call.idempotencyKey();
            } finally {
                inFlight.decrementAndGet();
                casesInFlight.remove(call.context().caseNumber());
            }
        }

        @Override
        public boolean resendIsSafe() {
            return false;
        }

        @Override
        public boolean alreadyDone(DurableCall call) {
            throw new AssertionError("only first attempts here: nothing to reconcile");
        }
    }

    /** The ledger's contract in memory, safe for the lanes' threads. */
    private static final class ConcurrentLedger implements DeliveryLedger {
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();
        final Map<String, String> states = new ConcurrentHashMap<>();

        @Override
        public Claim claim(String key) {
            int before = attempts.getOrDefault(key, 0);
            attempts.put(key, before + 1);
            states.put(key, "ATTEMPTING");
            return new Claim(before == 0 ? State.FIRST_ATTEMPT : State.RETRY, before + 1);
        }

        @Override
        public void release(String key) {
            attempts.merge(key, -1, Integer::sum);
            states.put(key, "QUEUED");
        }

        @Override
        public void completed(String key, String reference, boolean reconciled) {
            states.put(key, "DONE");
        }

        @Override
        public void failed(String key, String error, boolean permanent) {
            states.put(key, permanent ? "REJECTED" : "RETRYING");
        }
    }
}
