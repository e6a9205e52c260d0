package cn.gov.shanwei.enforcement.cases.shared;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The batch loop of the jobs that walk a table in key order, one transaction per batch, with no job state
 * ({@link Reencryption}, {@link PartyReindex}, the {@code penalty_case.party_index} back-fill): each batch reads the
 * rows after the last key of the one before, and the walk ends at the first batch shorter than the batch size.
 */
public final class BatchWalk {

    /**
     * What one batch did.
     *
     * @param size       rows read (fewer than the batch size: the end)
     * @param done       rows written
     * @param overtaken  rows written meanwhile by someone else, left alone
     * @param unreadable rows that could not be decrypted, skipped
     * @param last       the key to continue after
     */
    public record Batch<K>(int size, long done, long overtaken, long unreadable, K last) {
    }

    /** The totals of a walk; {@code complete}: it reached the end (false: {@code anotherBatch} said no). */
    public record Walked(long done, long overtaken, long unreadable, boolean complete) {
    }

    private BatchWalk() {
    }

    /** Refuses a batch size below 1. */
    public static int requireBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        return batchSize;
    }

    /**
     * Runs {@code batch} in a transaction of its own, first with no key ({@code null}) and then after the last key of
     * the batch before, as long as {@code anotherBatch} says yes before each batch, until a batch is shorter than
     * {@code batchSize}.
     */
    public static <K> Walked walk(TransactionTemplate transactions, int batchSize, BooleanSupplier anotherBatch,
                                  Function<K, Batch<K>> batch) {
        long done = 0;
        long overtaken = 0;
        long unreadable = 0;
        K after = null;
        while (anotherBatch.getAsBoolean()) {
            K from = after;
            Batch<K> b = Objects.requireNonNull(transactions.execute(s -> batch.apply(from)));
            done += b.done();
            overtaken += b.overtaken();
            unreadable += b.unreadable();
            after = b.last();
            if (b.size() < batchSize) {
                return new Walked(done, overtaken, unreadable, true);
            }
        }
        return new Walked(done, overtaken, unreadable, false);
    }
}
