package cn.gov.shanwei.enforcement.cases.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Statement;
import java.util.List;
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
     * @param size        rows read (fewer than the batch size: the end)
     * @param done        rows written
     * @param overtaken   rows written meanwhile by someone else, left alone
     * @param unreadable  rows that could not be decrypted, skipped
     * @param unconfirmed rows whose conditional update the driver ran without saying whether it matched
     *                    ({@link Statement#SUCCESS_NO_INFO}): written or overtaken, unknown which
     * @param last        the key to continue after
     */
    public record Batch<K>(int size, long done, long overtaken, long unreadable, long unconfirmed, K last) {

        /** A batch without unconfirmed rows. */
        public Batch(int size, long done, long overtaken, long unreadable, K last) {
            this(size, done, overtaken, unreadable, 0, last);
        }

        /**
         * A batch of {@code size} rows read, whose conditional updates (at most one row each) answered {@code counts},
         * as {@link JdbcTemplate#batchUpdate(String, List)} returns them: 1 written, 0 overtaken (the condition no
         * longer held), {@link Statement#SUCCESS_NO_INFO} (or any other negative answer) unconfirmed.
         */
        public static <K> Batch<K> counted(int size, int[] counts, long unreadable, K last) {
            long done = 0;
            long overtaken = 0;
            long unconfirmed = 0;
            for (int n : counts) {
                if (n > 0) {
                    done++;
                } else if (n == 0) {
                    overtaken++;
                } else {
                    unconfirmed++;
                }
            }
            return new Batch<>(size, done, overtaken, unreadable, unconfirmed, last);
        }
    }

    /**
     * The totals of a walk; {@code complete}: it reached the end (false: {@code anotherBatch} said no).
     * {@code unconfirmed}: see {@link Batch#unconfirmed()}.
     */
    public record Walked(long done, long overtaken, long unreadable, long unconfirmed, boolean complete) {
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
     * Runs {@code sql} once per row of {@code args} as one JDBC batch (one round trip per driver batch, not per row),
     * each a conditional update of at most one row; the per-row counts, for {@link Batch#counted}. No rows: no call.
     */
    public static int[] updateEach(JdbcTemplate jdbc, String sql, List<Object[]> args) {
        return args.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, args);
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
        long unconfirmed = 0;
        K after = null;
        while (anotherBatch.getAsBoolean()) {
            K from = after;
            Batch<K> b = Objects.requireNonNull(transactions.execute(s -> batch.apply(from)));
            done += b.done();
            overtaken += b.overtaken();
            unreadable += b.unreadable();
            unconfirmed += b.unconfirmed();
            after = b.last();
            if (b.size() < batchSize) {
                return new Walked(done, overtaken, unreadable, unconfirmed, true);
            }
        }
        return new Walked(done, overtaken, unreadable, unconfirmed, false);
    }
}
