package cn.gov.shanwei.enforcement.app.web;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateWaitTest {

    private static final Set<String> STATES = Set.of("PENDING", "SEALED");

    private final StateWait waits = new StateWait(Duration.ofSeconds(20), Duration.ofMillis(5), 2);
    private final AtomicReference<String> state = new AtomicReference<>("PENDING");
    private final AtomicInteger reads = new AtomicInteger();

    private static StateWait.Asked asked(String waitWhile, Integer seconds) {
        return new StateWait.Asked(waitWhile, seconds == null ? null : seconds.toString());
    }

    private String read() {
        reads.incrementAndGet();
        return state.get();
    }

    @Test
    void withoutAWait_readsOnce() {
        assertThat(waits.read(this::read, Function.identity(), asked("PENDING", null), STATES)).isEqualTo("PENDING");
        assertThat(waits.read(this::read, Function.identity(), asked(null, 0), STATES)).isEqualTo("PENDING");
        assertThat(waits.read(this::read, Function.identity(), new StateWait.Asked(null, null), STATES)).isEqualTo("PENDING");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aStateOtherThanTheKnownOne_isAnsweredAtOnce() {
        state.set("SEALED");

        assertThat(waits.read(this::read, Function.identity(), asked("PENDING", 10), STATES)).isEqualTo("SEALED");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWait_endsWithTheChange() throws Exception {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                () -> waits.read(this::read, Function.identity(), asked("PENDING", 10), STATES));
        awaitReads(3);
        assertThat(answer).isNotDone();

        state.set("SEALED");

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("SEALED");
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void aWaitInVain_answersTheUnchangedState_whenTheTimeIsUp() {
        long start = System.nanoTime();

        assertThat(waits.read(this::read, Function.identity(), asked("PENDING", 1), STATES)).isEqualTo("PENDING");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(reads.get()).as("read again meanwhile").isGreaterThan(2);
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void nothingToRead_isAnsweredAtOnce() {
        assertThat(waits.read(() -> (String) null, Function.identity(), asked("PENDING", 10), STATES)).isNull();
    }

    @Test
    void pastTheMostWaiters_aRequestIsAnsweredAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadLocal<Integer> mine = ThreadLocal.withInitial(() -> 0);
        // a waiter's first read answers; its re-reads block until released: both stay waiting meanwhile
        java.util.function.Supplier<String> blocked = () -> {
            mine.set(mine.get() + 1);
            if (mine.get() > 1) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return state.get();
        };
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> waits.read(blocked, Function.identity(), asked("PENDING", 10), STATES));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> waits.read(blocked, Function.identity(), asked("PENDING", 10), STATES));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waits.waiting() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(waits.waiting()).isEqualTo(2);

        long start = System.nanoTime();
        assertThat(waits.read(state::get, Function.identity(), asked("PENDING", 10), STATES)).isEqualTo("PENDING");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        state.set("SEALED");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("SEALED");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("SEALED");
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void anInterruptedWait_answersWhatIsKnown_andKeepsTheInterrupt() throws Exception {
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            assertThat(waits.read(this::read, Function.identity(), asked("PENDING", 10), STATES)).isEqualTo("PENDING");
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitReads(2);

        waiter.interrupt();
        waiter.join(5_000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(interrupted.get()).isTrue();
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void badWaits_nameTheirField() {
        assertThatThrownBy(() -> waits.read(this::read, Function.identity(), asked("PENDING", 21), STATES))
                .isInstanceOfSatisfying(DomainValidationException.class, e ->
                        assertThat(e.field()).isEqualTo("waitSeconds"));
        assertThatThrownBy(() -> waits.read(this::read, Function.identity(), asked("PENDING", -1), STATES))
                .isInstanceOfSatisfying(DomainValidationException.class, e ->
                        assertThat(e.field()).isEqualTo("waitSeconds"));
        assertThatThrownBy(() -> waits.read(this::read, Function.identity(), asked("SIGNED", 5), STATES))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("waitWhile");
                    assertThat(e.reason()).contains("[PENDING, SEALED]");
                });
        assertThatThrownBy(() -> waits.read(this::read, Function.identity(), new StateWait.Asked("PENDING", "soon"),
                STATES)).isInstanceOfSatisfying(DomainValidationException.class, e ->
                        assertThat(e.field()).isEqualTo("waitSeconds"));
        assertThatThrownBy(() -> waits.read(this::read, Function.identity(), asked(null, 5), STATES))
                .isInstanceOfSatisfying(DomainValidationException.class, e ->
                        assertThat(e.field()).isEqualTo("waitWhile"));
        assertThat(reads).as("nothing read for a bad request").hasValue(0);
    }

    @Test
    void badSettings_areRefused() {
        assertThatThrownBy(() -> new StateWait(Duration.ZERO, Duration.ofMillis(5), 1))
                .hasMessageContaining("hub.api.wait.longest");
        assertThatThrownBy(() -> new StateWait(Duration.ofSeconds(1), Duration.ofMillis(-5), 1))
                .hasMessageContaining("hub.api.wait.recheck");
        assertThatThrownBy(() -> new StateWait(Duration.ofSeconds(1), Duration.ofMillis(5), -1))
                .hasMessageContaining("hub.api.wait.max-waiters");
    }

    private void awaitReads(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reads.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(atLeast);
    }
}
