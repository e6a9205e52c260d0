package cn.gov.shanwei.enforcement.cases.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The re-index pass of a key rotation (密钥轮换, ADR 0503): after {@code hub.cases.crypto.index-key} was replaced
 * (the old one moved to {@code retired-index-keys}), rewrites every {@code party_index} of {@code penalty_case} and
 * {@code procedure_case} under the current index key, in batches of one transaction each. Run and reported by the
 * same operator run as the re-encryption ({@link KeyRotationJob}).
 *
 * <ul>
 *   <li><b>What is left, cheaply.</b> Each row names the index key that made its value ({@code party_index_key}, V100),
 *       so what is left is {@code party_index_key} not the current {@link FieldCipher#indexKeyId()} — a comparison,
 *       no decryption, like the key id in a ciphertext for {@link Reencryption}. A row without it (written before
 *       V100) is decrypted once, compared, and labelled (its value rewritten only if it differs).</li>
 *   <li><b>Resumable.</b> No job state: a crash loses at most the open batch; the next run continues.</li>
 *   <li><b>Beside live traffic.</b> Each row is updated only where it still holds the index and key the pass read
 *       ({@code … WHERE id = ? AND party_index = <old> AND party_index_key = <old>}; a batch's rows in JDBC batches
 *       whose per-row counts tell moved from overtaken): a row the workflow wrote
 *       meanwhile (it writes the current key's value) is left alone, counted overtaken. {@code version} is not
 *       bumped: nothing a client's {@code If-Match} stands for changes. An entity read before the pass and written
 *       back after it puts the old pair back (a value under a retired key, still matched); the next run moves it.</li>
 *   <li><b>Rows without an index</b> ({@code penalty_case.party_index IS NULL}, before V98) are
 *       {@code PartyIndexBackfill}'s, which writes the current key's value.</li>
 *   <li><b>Rows without a label</b> ({@code party_index_key IS NULL}, indexed between V98 and V100) are labelled by
 *       {@link #label} at every start-up, after the back-fill, so that {@link #progress()} does not count them as left
 *       until an operator runs a rotation: the same row logic, walking those rows only.</li>
 * </ul>
 *
 * A row whose identifier does not decrypt is skipped, counted unreadable and logged by table and id only.
 */
public final class PartyReindex implements KeyRotationJob {

    private static final Logger LOG = LoggerFactory.getLogger(PartyReindex.class);

    /** The tables holding {@code party_id_enc}, {@code party_index} and {@code party_index_key}, keyed by {@code id}. */
    public static final List<String> TABLES = List.of("penalty_case", "procedure_case");

    private static final String LEFT = "party_index IS NOT NULL AND (party_index_key IS NULL OR party_index_key <> ?)";
    private static final String UNLABELLED = "party_index IS NOT NULL AND party_index_key IS NULL";

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;

    /**
     * @param cipher       the case platform's cipher: decrypts the identifiers, indexes under its current index key
     * @param jdbc         the database
     * @param transactions one transaction per batch
     * @param batchSize    rows per batch, at least 1
     */
    public PartyReindex(FieldCipher cipher, JdbcTemplate jdbc, TransactionTemplate transactions, int batchSize) {
        this.cipher = Objects.requireNonNull(cipher);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = BatchWalk.requireBatchSize(batchSize);
    }

    /** The current index key's id (where values move to). */
    @Override
    public String currentKeyId() {
        return cipher.indexKeyId();
    }

    /** The retired index keys' ids (removable once {@link #progress()} is 0 everywhere). */
    @Override
    public List<String> retiredKeyIds() {
        return cipher.retiredIndexKeyIds();
    }

    /** Per table, how many indexes are not known to be under the current index key (a count over the table). */
    @Override
    public List<Reencryption.Progress> progress() {
        List<Reencryption.Progress> result = new ArrayList<>();
        for (String table : TABLES) {
            Long remaining = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + LEFT, Long.class,
                    cipher.indexKeyId());
            result.add(new Reencryption.Progress(table, "party_index", remaining == null ? 0 : remaining));
        }
        return result;
    }

    /** Runs through both tables until nothing is left or {@code maxBatches} batches were committed. */
    public Reencryption.Run run(int maxBatches) {
        int[] left = {maxBatches};
        return run(() -> left[0]-- > 0);
    }

    @Override
    public Reencryption.Run run(BooleanSupplier anotherBatch) {
        Reencryption.Run run = walk(LEFT, true, anotherBatch);
        LOG.info("re-index to index key {}: {}", cipher.indexKeyId(), run);
        return run;
    }

    /**
     * Labels the rows indexed before V100 ({@code party_index_key IS NULL}) of both tables, and only those: each is
     * decrypted, indexed under the current index key and updated where it still holds the index read and no label
     * ({@code … WHERE id = ? AND party_index = <read> AND party_index_key IS NULL}), its {@code party_index}
     * rewritten only if it differs. Rows already labelled, under whichever key, are left to {@link #run}. Called by
     * the start-up back-fill, so that {@link #progress()} counts only what a rotation really has to move.
     */
    public Reencryption.Run label(BooleanSupplier anotherBatch) {
        Reencryption.Run run = walk(UNLABELLED, false, anotherBatch);
        if (run.columns().stream().anyMatch(c -> c.moved() + c.overtaken() + c.unreadable() + c.unconfirmed() > 0)) {
            LOG.info("party_index_key labelled under index key {}: {}", cipher.indexKeyId(), run);
        }
        return run;
    }

    /** Both tables' rows matching {@code condition} (binding the current key id if {@code bindsKey}), in id order. */
    private Reencryption.Run walk(String condition, boolean bindsKey, BooleanSupplier anotherBatch) {
        List<Reencryption.ColumnRun> done = new ArrayList<>();
        boolean complete = true;
        for (String table : TABLES) {
            BatchWalk.Walked walked = BatchWalk.walk(transactions, batchSize, anotherBatch,
                    (UUID from) -> batch(table, condition, bindsKey, from));
            done.add(Reencryption.ColumnRun.of(table, "party_index", walked));
            if (!walked.complete()) {
                complete = false;
                break;
            }
        }
        return new Reencryption.Run(List.copyOf(done), complete);
    }

    private record Row(UUID id, String partyIdEnc, String index, String key) {
    }

    private BatchWalk.Batch<UUID> batch(String table, String condition, boolean bindsKey, UUID after) {
        String sql = "SELECT id, party_id_enc, party_index, party_index_key FROM " + table + " WHERE " + condition
                + (after == null ? "" : " AND id > ?") + " ORDER BY id LIMIT " + batchSize;
        List<Object> args = new ArrayList<>();
        if (bindsKey) {
            args.add(cipher.indexKeyId());
        }
        if (after != null) {
            args.add(after);
        }
        List<Row> rows = jdbc.query(sql, (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4)), args.toArray());
        List<Object[]> unlabelled = new ArrayList<>();
        List<Object[]> labelled = new ArrayList<>();
        long unreadable = 0;
        for (Row row : rows) {
            String index;
            try {
                index = PartyIdentifier.index(cipher, cipher.decrypt(row.partyIdEnc));
            } catch (RuntimeException e) {
                // TamperedDataException, or a value that is no cipher text at all: never log the value.
                LOG.warn("{} {}: party identifier unreadable ({}), party_index left as it is", table, row.id,
                        e.getClass().getSimpleName());
                unreadable++;
                continue;
            }
            if (row.key == null) {
                unlabelled.add(new Object[]{index, cipher.indexKeyId(), row.id, row.index});
            } else {
                labelled.add(new Object[]{index, cipher.indexKeyId(), row.id, row.index, row.key});
            }
        }
        // Two JDBC batches (the conditions differ only in the label), each row still conditional on the pair read.
        String set = "UPDATE " + table + " SET party_index = ?, party_index_key = ? WHERE id = ? AND party_index = ?";
        int[] counts = IntStream.concat(
                IntStream.of(BatchWalk.updateEach(jdbc, set + " AND party_index_key IS NULL", unlabelled)),
                IntStream.of(BatchWalk.updateEach(jdbc, set + " AND party_index_key = ?", labelled))).toArray();
        UUID last = rows.isEmpty() ? after : rows.get(rows.size() - 1).id;
        return BatchWalk.Batch.counted(rows.size(), counts, unreadable, last);
    }
}
