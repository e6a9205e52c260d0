package cn.gov.shanwei.enforcement.cases.shared;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchWalkTest {

    /** Counts committed transactions; nothing else. */
    private static final class Counting extends AbstractPlatformTransactionManager {
        int commits;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    private final Counting tx = new Counting();
    private final List<Integer> rows = List.of(1, 2, 3, 4, 5, 6, 7);

    // The rows after `after`, at most 3, each counted done.
    private BatchWalk.Batch<Integer> batch(Integer after, List<Integer> seen) {
        seen.add(after);
        List<Integer> next = rows.stream().filter(r -> after == null || r > after).limit(3).toList();
        return new BatchWalk.Batch<>(next.size(), next.size(), 0, 0, next.isEmpty() ? after : next.get(next.size() - 1));
    }

    @Test
    void walksAfterTheLastKeyOfEachBatch_oneTransactionEach_toTheFirstShortBatch() {
        List<Integer> seen = new ArrayList<>();
        BatchWalk.Walked walked = BatchWalk.walk(new TransactionTemplate(tx), 3, () -> true, (Integer a) -> batch(a, seen));
        assertThat(walked).isEqualTo(new BatchWalk.Walked(7, 0, 0, 0, true));
        assertThat(seen).containsExactly(null, 3, 6);
        assertThat(tx.commits).isEqualTo(3);
    }

    @Test
    void stopsWhenAnotherBatchSaysNo_incomplete() {
        List<Integer> seen = new ArrayList<>();
        int[] left = {2};
        BatchWalk.Walked walked = BatchWalk.walk(new TransactionTemplate(tx), 3, () -> left[0]-- > 0,
                (Integer a) -> batch(a, seen));
        assertThat(walked).isEqualTo(new BatchWalk.Walked(6, 0, 0, 0, false));
        assertThat(seen).containsExactly(null, 3);
        assertThat(tx.commits).isEqualTo(2);
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> BatchWalk.requireBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be at least 1: 0");
    }

    @Test
    void aBatchsPerRowCounts_tellWrittenFromOvertaken_andANoInfoAnswerIsUnconfirmed_notWritten() {
        BatchWalk.Batch<String> b = BatchWalk.Batch.counted(6, new int[]{1, 0, Statement.SUCCESS_NO_INFO, 1, 0},
                1, "last");

        assertThat(b).isEqualTo(new BatchWalk.Batch<>(6, 2, 2, 1, 1, "last"));
    }

    @Test
    void theUnconfirmedRowsOfEachBatch_addUpInTheWalk() {
        int[] call = {0};
        BatchWalk.Walked walked = BatchWalk.walk(new TransactionTemplate(tx), 2, () -> true, (Integer a) ->
                call[0]++ == 0 ? BatchWalk.Batch.counted(2, new int[]{Statement.SUCCESS_NO_INFO, 1}, 0, 2)
                        : BatchWalk.Batch.counted(1, new int[]{Statement.SUCCESS_NO_INFO}, 0, 3));

        assertThat(walked).isEqualTo(new BatchWalk.Walked(1, 0, 0, 2, true));
    }

    @Test
    void noRowsToUpdate_callsNoDatabase() {
        assertThat(BatchWalk.updateEach(null, "UPDATE t SET c = ?", List.of())).isEmpty();
    }
}
