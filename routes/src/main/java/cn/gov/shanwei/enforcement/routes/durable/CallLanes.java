package cn.gov.shanwei.enforcement.routes.durable;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The provider's bulkhead on the durable path, and the lanes that let one batch's calls overlap (ADR 0408). Every
 * durable call and reconciliation to the provider holds one of {@code maxConcurrentCalls} permits, shared by every
 * consumer thread of every operation of that provider. Within a batch, the calls of different ordering keys (cases)
 * run on up to that many lanes at once; the calls of one ordering key stay on one lane, one after the other, in the
 * order of the batch.
 *
 * <p>The consumer thread works a lane itself; the other lanes run on a pool of at most {@code maxConcurrentCalls - 1}
 * threads per provider. A lane takes the next group of calls from the batch's queue until it is empty, so a lane
 * whose pool thread starts late (the pool is busy with other batches) finds nothing left and ends: a batch never
 * waits for a pool thread, only for the groups already taken.
 */
public final class CallLanes implements AutoCloseable {

    /** One lane, no bulkhead: the calls of a batch one after the other, as before ADR 0408. */
    public static final CallLanes SEQUENTIAL = new CallLanes();

    private final int lanes;
    private final Semaphore permits;
    private final ExecutorService pool;

    private CallLanes() {
        lanes = 1;
        permits = null;
        pool = null;
    }

    private CallLanes(int maxConcurrentCalls, String name) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1");
        }
        Objects.requireNonNull(name, "name");
        lanes = maxConcurrentCalls;
        permits = new Semaphore(maxConcurrentCalls);
        if (maxConcurrentCalls == 1) {
            pool = null;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(maxConcurrentCalls - 1, maxConcurrentCalls - 1,
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "durable-" + name + "-lane-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        pool = executor;
    }

    /**
     * @param maxConcurrentCalls the provider's bulkhead: calls in flight at once, all consumers together
     * @param name               names the pool's threads, e.g. the provider's code
     */
    public static CallLanes bulkhead(int maxConcurrentCalls, String name) {
        return new CallLanes(maxConcurrentCalls, name);
    }

    /** Most calls of one batch in flight at once. */
    public int lanes() {
        return lanes;
    }

    /**
     * Makes one provider call holding a permit of the bulkhead (waiting for one if all are taken).
     *
     * @throws IllegalStateException if interrupted while waiting: the call was not made
     */
    <T> T call(Supplier<T> providerCall) {
        if (permits == null) {
            return providerCall.get();
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider's bulkhead", e);
        }
        try {
            return providerCall.get();
        } finally {
            permits.release();
        }
    }

    /**
     * Works every group, each one's items in order on one lane, up to {@link #lanes()} groups at once; returns once
     * all are done. Groups are taken in the order given.
     *
     * @throws RuntimeException the first exception {@code work} let escape (after every lane has ended)
     */
    <T> void run(List<List<T>> groups, Consumer<List<T>> work) {
        int wanted = Math.min(lanes, groups.size());
        if (wanted <= 1 || pool == null) {
            groups.forEach(work);
            return;
        }
        Queue<List<T>> queue = new ConcurrentLinkedQueue<>(groups);
        CountDownLatch done = new CountDownLatch(groups.size());
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Runnable lane = () -> {
            for (List<T> group = queue.poll(); group != null; group = queue.poll()) {
                try {
                    work.accept(group);
                } catch (RuntimeException | Error e) {
                    escaped.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int i = 1; i < wanted; i++) {
            try {
                pool.execute(lane);
            } catch (RejectedExecutionException closed) {
                break;   // the consumer thread's own lane works the rest
            }
        }
        lane.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;   // the groups taken are being called: their outcomes must be booked
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = escaped.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
