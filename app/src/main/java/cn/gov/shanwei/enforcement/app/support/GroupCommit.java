package cn.gov.shanwei.enforcement.app.support;

import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit of short, independent database writes (ADR 0406): each caller hands over its work and waits until
 * it is committed, exactly as with a transaction of its own; but the works that arrive while a commit is under way
 * are run one after another in the next shared transaction, so concurrent callers share one commit instead of
 * queueing for one each. A work must not depend on another caller's work of the same group. If the shared
 * transaction fails, every work of the group is run again in a transaction of its own, so a failure reaches only the
 * caller whose work failed. Each group is a new transaction ({@code REQUIRES_NEW}), whatever the caller's. When the
 * pool gave no connection in time (ADR 0521) every work of the group fails with that at once: nothing ran.
 *
 * <p>A work may also be {@linkplain #submit submitted} without waiting: it joins the next group any caller commits
 * (a synchronous provider call's message-log entry rides with the monitoring record written right after it), and is
 * committed on its own after a short delay if no caller comes.
 *
 * <p>Works of the same {@linkplain Batch kind} (an insert of one row into one table, say) are written together: the
 * items of a group's works of one kind go to a single call of that kind's writer (one batched statement, one read of
 * a chain's head), after the group's other works. Should the shared transaction fail, each such work is run alone with
 * its own item, as any other work.
 */
public final class GroupCommit {

    /** Commits submitted works that no caller took along in time. */
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "group-commit-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final TransactionTemplate tx;
    private final int maxGroup;
    private final ReentrantLock committing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Work<?>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * A kind of write whose items may be written together; one instance per kind (works are batched by identity).
     *
     * @param <I> the item one work writes
     */
    @FunctionalInterface
    public interface Batch<I> {
        /** Writes {@code items} in the current transaction, in the given order; throws if any cannot be written. */
        void writeAll(List<I> items);
    }

    /** A work: a body of its own, or one item of a batch (then {@code body} writes that item alone). */
    private record Work<T>(Supplier<T> body, CompletableFuture<T> done, Batch<Object> batch, Object item) {

        Work(Supplier<T> body, CompletableFuture<T> done) {
            this(body, done, null, null);
        }
    }

    /**
     * @param maxGroup most works in one transaction
     */
    public GroupCommit(PlatformTransactionManager transactions, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxGroup = maxGroup;
    }

    /**
     * Runs {@code body} in a committed transaction (shared with other callers' works) and returns its result once
     * that transaction has committed.
     *
     * @throws RuntimeException what {@code body} threw when run alone, or the commit's failure
     */
    public <T> T run(Supplier<T> body) {
        return await(enqueue(new Work<>(body, new CompletableFuture<>())));
    }

    /**
     * Writes {@code item} with the other items of its {@code batch} that are waiting, in a committed transaction
     * shared with other callers' works, and returns once that transaction has committed.
     *
     * @throws RuntimeException what the batch's writer threw for this item alone, or the commit's failure
     */
    public <I> void run(Batch<I> batch, I item) {
        await(enqueue(batched(batch, item)));
    }

    /** As {@link #submit(Supplier, Duration)}, for one item of a {@link Batch}. */
    public <I> CompletableFuture<Void> submit(Batch<I> batch, I item, Duration within) {
        return submit(batched(batch, item), within);
    }

    @SuppressWarnings("unchecked")
    private static <I> Work<Void> batched(Batch<I> batch, I item) {
        Batch<Object> any = (Batch<Object>) batch;
        return new Work<>(() -> {
            any.writeAll(List.of(item));
            return null;
        }, new CompletableFuture<>(), any, item);
    }

    private <T> Work<T> enqueue(Work<T> work) {
        waiting.add(work);
        commitUntilDone(work);
        return work;
    }

    private static <T> T await(Work<T> work) {
        try {
            return work.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Hands {@code body} over to be committed with the next group, without waiting: with the next caller's group, or
     * alone once {@code within} has passed. The future completes when it is committed, or exceptionally with what
     * {@code body} threw when run alone.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> body, Duration within) {
        return submit(new Work<>(body, new CompletableFuture<>()), within);
    }

    private <T> CompletableFuture<T> submit(Work<T> work, Duration within) {
        waiting.add(work);
        FLUSHER.schedule(() -> commitUntilDone(work), within.toNanos(), TimeUnit.NANOSECONDS);
        return work.done();
    }

    /**
     * Commits every work waiting now (submitted works whose delay has not passed), in groups; for a stopping hub, so
     * that nothing handed over is left uncommitted. Returns once they are done.
     */
    public void flush() {
        committing.lock();
        try {
            while (!waiting.isEmpty()) {
                commitWaiting();
            }
        } finally {
            committing.unlock();
        }
    }

    private void commitUntilDone(Work<?> work) {
        if (work.done().isDone()) {
            return;
        }
        committing.lock();
        try {
            while (!work.done().isDone()) {
                commitWaiting();
            }
        } finally {
            committing.unlock();
        }
    }

    private void commitWaiting() {
        List<Work<?>> group = new ArrayList<>();
        for (Work<?> next; group.size() < maxGroup && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        List<Object> results;
        try {
            results = tx.execute(status -> {
                List<Object> out = new ArrayList<>();
                Map<Batch<Object>, List<Object>> batches = new IdentityHashMap<>();
                for (Work<?> work : group) {
                    if (work.batch() == null) {
                        out.add(work.body().get());
                    } else {
                        batches.computeIfAbsent(work.batch(), b -> new ArrayList<>()).add(work.item());
                        out.add(null);
                    }
                }
                batches.forEach(Batch::writeAll);
                return out;
            });
        } catch (RuntimeException groupFailed) {
            if (DatabaseBusy.isPoolExhausted(groupFailed)) {
                // No transaction began: running each work alone would wait the pool's whole timeout once per work.
                group.forEach(work -> work.done().completeExceptionally(groupFailed));
                return;
            }
            group.forEach(this::alone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    private <T> void alone(Work<T> work) {
        try {
            work.done().complete(tx.execute(status -> work.body().get()));
        } catch (RuntimeException e) {
            work.done().completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Work<T> work, Object result) {
        work.done().complete((T) result);
    }
}
