package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One delivery of a batch, as {@link DurableCallProcessor} made it: whether the call's effect is known to exist (so the
 * message may be acknowledged) or why not, and what it leaves for {@link DeliveryBookkeeping} to write — the ledger
 * outcome, the monitoring record and the message-log entries.
 */
public final class Attempt {

    private final DurableCall call;
    private final Attempt sameAs;
    private final List<LoggedExchange> exchanges = new ArrayList<>();
    private final List<CallRecord> records = new ArrayList<>();
    private DeliveryLedger.Outcome outcome;
    private RuntimeException failure;

    private Attempt(DurableCall call, Attempt sameAs) {
        this.call = call;
        this.sameAs = sameAs;
    }

    static Attempt of(DurableCall call) {
        return new Attempt(Objects.requireNonNull(call, "call"), null);
    }

    /** A second copy of a call in the same batch: it shares the first copy's fate and is written nowhere. */
    static Attempt copyOf(DurableCall call, Attempt first) {
        return new Attempt(call, Objects.requireNonNull(first, "first"));
    }

    /** A message that could not even be read as a call. */
    static Attempt unreadable(RuntimeException why) {
        Attempt attempt = new Attempt(null, null);
        attempt.failure = why;
        return attempt;
    }

    /** The call (with the attempt number the ledger counted); null if the message could not be read. */
    public DurableCall call() {
        return call;
    }

    /** True when the effect is known to exist (delivered now, reconciled, or settled before): acknowledge it. */
    public boolean delivered() {
        return failure() == null;
    }

    /** Why the message must be redelivered (or dead-lettered); null when {@link #delivered()}. */
    public RuntimeException failure() {
        return sameAs != null ? sameAs.failure() : failure;
    }

    /** What the ledger must store for this attempt; null when nothing (a duplicate, a refusal, an unread message). */
    public DeliveryLedger.Outcome outcome() {
        return sameAs != null ? null : outcome;
    }

    /** The provincial exchanges of this attempt, in the order they happened. */
    public List<LoggedExchange> exchanges() {
        return sameAs != null ? List.of() : List.copyOf(exchanges);
    }

    /** The monitoring records of this attempt (one per attempt that reached for the provider). */
    public List<CallRecord> records() {
        return sameAs != null ? List.of() : List.copyOf(records);
    }

    /**
     * The ledger outcome could not be stored: a delivered call is then not settled (its message must come again, and
     * the retry reconciles), and a failed one keeps its own failure as the primary one.
     */
    public void notSettled(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        } else if (failure != cause) {
            failure.addSuppressed(cause);
        }
    }

    void settle(DeliveryLedger.Outcome outcome) {
        this.outcome = outcome;
    }

    void fail(RuntimeException failure) {
        this.failure = failure;
    }

    void logged(LoggedExchange exchange) {
        exchanges.add(exchange);
    }

    void recorded(CallRecord record) {
        records.add(record);
    }
}
