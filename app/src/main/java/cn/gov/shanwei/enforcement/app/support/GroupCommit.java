package cn.gov.shanwei.enforcement.app.support;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * caller whose work failed. Each group is a new transaction ({@code REQUIRES_NEW}), whatever the caller's.
 *
 * <p>A work may also be {@linkplain #submit submitted} without waiting: it joins the next group any caller commits
 * (a synchronous provider call's message-log entry rides with the monitoring record written right after it), and is
 * committed on its own after a short delay if no caller comes.
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

    private record Work<T>(Supplier<T> body, CompletableFuture<T> done) {
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
        Work<T> work = new Work<>(body, new CompletableFuture<>());
        waiting.add(work);
        commitUntilDone(work);
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
        Work<T> work = new Work<>(body, new CompletableFuture<>());
        waiting.add(work);
        FLUSHER.schedule(() -> commitUntilDone(work), within.toNanos(), TimeUnit.NANOSECONDS);
        return work.done();
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
                for (Work<?> work : group) {
                    out.add(work.body().get());
                }
                return out;
            });
        } catch (RuntimeException groupFailed) {
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
