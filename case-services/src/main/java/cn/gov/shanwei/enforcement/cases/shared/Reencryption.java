package cn.gov.shanwei.enforcement.cases.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The re-encryption job of a key rotation (密钥轮换, ADR 0503): moves every stored {@link FieldCipher} value that is
 * not under the current key to it, column by column, in batches of one transaction each.
 *
 * <ul>
 *   <li><b>Resumable.</b> What is left is found from the data itself (values not beginning with
 *       {@link FieldCipher#currentPrefix()}), so a crash loses at most the uncommitted batch and the next run simply
 *       continues; there is no job state to repair.</li>
 *   <li><b>Safe beside live traffic.</b> Each row is updated only where the column still holds the ciphertext the job
 *       read ({@code … WHERE <key> = ? AND <column> = <old>}): a value rewritten meanwhile is left alone (counted as
 *       overtaken). The {@code version} columns are not touched: the clear text, and so everything a client's
 *       {@code If-Match} stands for, is unchanged, and bumping them would turn officers' concurrent edits into
 *       conflicts. An entity a live transaction read before the job and writes back after it may put the older
 *       ciphertext back; that is the same clear text under a configured key, and the next run moves it again.</li>
 *   <li><b>Chains unbroken.</b> The SM3 chains of the event logs and of the message log are over the clear
 *       (canonical) text, never over the ciphertext, so re-encrypting a payload changes no hash.</li>
 * </ul>
 *
 * A value that opens under no configured key is skipped, counted as unreadable and logged by table and key (never its
 * content); it stays in {@link #progress()}.
 */
public final class Reencryption implements KeyRotationJob {

    private static final Logger LOG = LoggerFactory.getLogger(Reencryption.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * A column holding {@link FieldCipher} output.
     *
     * @param table  the table
     * @param key    its primary key columns, in order
     * @param column the encrypted column (nullable columns are fine)
     */
    public record Column(String table, List<String> key, String column) {

        public Column {
            key = List.copyOf(key);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a column to re-encrypt needs its table's key");
            }
            for (String name : concat(table, column, key)) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("not an SQL identifier: " + name);
                }
            }
        }

        /** {@code table.column}. */
        public String name() {
            return table + "." + column;
        }

        private static List<String> concat(String table, String column, List<String> key) {
            List<String> all = new ArrayList<>(key);
            all.add(Objects.requireNonNull(table));
            all.add(Objects.requireNonNull(column));
            return all;
        }
    }

    /** How many values of a column are not under the current key yet. */
    public record Progress(String table, String column, long remaining) {
    }

    /**
     * What one run did to one column; {@code unconfirmed}: values whose conditional update the driver ran without
     * saying whether it matched ({@code Statement.SUCCESS_NO_INFO}), moved or overtaken, unknown which (PostgreSQL's
     * and H2's drivers always say).
     */
    public record ColumnRun(String table, String column, long moved, long overtaken, long unreadable,
                            long unconfirmed) {

        /** What {@code walked} did to {@code table.column}. */
        static ColumnRun of(String table, String column, BatchWalk.Walked walked) {
            return new ColumnRun(table, column, walked.done(), walked.overtaken(), walked.unreadable(),
                    walked.unconfirmed());
        }
    }

    /**
     * What one run did.
     *
     * @param columns  per column
     * @param complete whether every column was gone through to its end (false: stopped after the batches allowed)
     */
    public record Run(List<ColumnRun> columns, boolean complete) {

        /** Values moved to the current key in this run. */
        public long moved() {
            return columns.stream().mapToLong(ColumnRun::moved).sum();
        }

        /** Values that open under no configured key. */
        public long unreadable() {
            return columns.stream().mapToLong(ColumnRun::unreadable).sum();
        }

        /** Values whose update the driver did not confirm either way ({@link ColumnRun#unconfirmed()}). */
        public long unconfirmed() {
            return columns.stream().mapToLong(ColumnRun::unconfirmed).sum();
        }
    }

    private final FieldCipher cipher;
    private final List<Column> columns;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;

    /**
     * @param cipher       the cipher whose current key the values move to
     * @param columns      every column holding that cipher's output
     * @param jdbc         the database
     * @param transactions one transaction per batch
     * @param batchSize    rows per batch (and transaction)
     */
    public Reencryption(FieldCipher cipher, List<Column> columns, JdbcTemplate jdbc, TransactionTemplate transactions,
                        int batchSize) {
        this.cipher = Objects.requireNonNull(cipher);
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = BatchWalk.requireBatchSize(batchSize);
    }

    /** The cipher's current key id (where values move to). */
    @Override
    public String currentKeyId() {
        return cipher.currentKeyId();
    }

    /** The cipher's retired key ids (removable once {@link #progress()} is 0 everywhere). */
    @Override
    public List<String> retiredKeyIds() {
        return cipher.retiredKeyIds();
    }

    /**
     * Per column, how many values are not under the current key: one pass over each table, however many of its
     * columns are encrypted (no index serves {@code NOT LIKE}, so each count is a scan of the table).
     */
    @Override
    public List<Progress> progress() {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        for (Column c : columns) {
            byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c);
        }
        Map<Column, Long> remaining = new HashMap<>();
        byTable.forEach((table, cs) -> {
            StringJoiner sums = new StringJoiner(", ");
            for (Column c : cs) {
                sums.add("COALESCE(SUM(CASE WHEN " + notCurrent(c) + " THEN 1 ELSE 0 END), 0)");
            }
            long[] counts = jdbc.queryForObject("SELECT " + sums + " FROM " + table, (rs, n) -> {
                long[] row = new long[cs.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getLong(i + 1);
                }
                return row;
            }, Collections.nCopies(cs.size(), like()).toArray());
            for (int i = 0; i < cs.size(); i++) {
                remaining.put(cs.get(i), counts[i]);
            }
        });
        List<Progress> result = new ArrayList<>();
        for (Column c : columns) {
            result.add(new Progress(c.table(), c.column(), remaining.get(c)));
        }
        return result;
    }

    /** Runs through every column until nothing is left or {@code maxBatches} batches were committed. */
    public Run run(int maxBatches) {
        int[] left = {maxBatches};
        return run(() -> left[0]-- > 0);
    }

    /**
     * Runs through every column, one batch (one transaction) at a time, as long as {@code anotherBatch} says yes
     * before each batch.
     */
    @Override
    public Run run(BooleanSupplier anotherBatch) {
        List<ColumnRun> done = new ArrayList<>();
        boolean complete = true;
        for (Column c : columns) {
            BatchWalk.Walked walked = BatchWalk.walk(transactions, batchSize, anotherBatch,
                    (Object[] from) -> batch(c, from));
            done.add(ColumnRun.of(c.table(), c.column(), walked));
            if (!walked.complete()) {
                complete = false;
                break;
            }
        }
        Run run = new Run(List.copyOf(done), complete);
        LOG.info("re-encryption to key {}: {}", cipher.currentKeyId(), run);
        return run;
    }

    private BatchWalk.Batch<Object[]> batch(Column c, Object[] after) {
        int keys = c.key().size();
        List<Object> args = new ArrayList<>();
        args.add(like());
        String sql = "SELECT " + String.join(", ", c.key()) + ", " + c.column() + " FROM " + c.table() + " WHERE "
                + notCurrent(c) + (after == null ? "" : " AND " + keyAfter(c.key(), after, args)) + " ORDER BY "
                + String.join(", ", c.key()) + " LIMIT " + batchSize;
        List<Object[]> rows = jdbc.query(sql, (rs, n) -> {
            Object[] row = new Object[keys + 1];
            for (int i = 0; i < keys + 1; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }, args.toArray());
        List<Object[]> updates = new ArrayList<>();
        long unreadable = 0;
        for (Object[] row : rows) {
            String old = (String) row[keys];
            String moved;
            try {
                moved = cipher.reencrypt(old);
            } catch (TamperedDataException e) {
                unreadable++;
                LOG.warn("re-encryption skips {} at key {}: {}", c.name(), List.of(row).subList(0, keys),
                        e.getMessage());
                continue;
            }
            Object[] update = new Object[keys + 2];
            update[0] = moved;
            System.arraycopy(row, 0, update, 1, keys);
            update[keys + 1] = old;
            updates.add(update);
        }
        String where = String.join(" = ? AND ", c.key()) + " = ? AND " + c.column() + " = ?";
        int[] counts = BatchWalk.updateEach(jdbc, "UPDATE " + c.table() + " SET " + c.column() + " = ? WHERE " + where,
                updates);
        Object[] last = rows.isEmpty() ? after : Arrays.copyOf(rows.get(rows.size() - 1), keys);
        return BatchWalk.Batch.counted(rows.size(), counts, unreadable, last);
    }

    private String notCurrent(Column c) {
        return c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ?";
    }

    private String like() {
        return cipher.currentPrefix() + "%";
    }

    // (k1, k2, …) > (a1, a2, …), spelt out so that it needs no row-value comparison.
    private static String keyAfter(List<String> key, Object[] after, List<Object> args) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(key.get(j) + " = ?");
                args.add(after[j]);
            }
            terms.add(key.get(i) + " > ?");
            args.add(after[i]);
            alternatives.add(String.join(" AND ", terms));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
