package cn.gov.shanwei.enforcement.app.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    private DriverManagerDataSource db;
    private JdbcClient jdbc;
    private final AtomicInteger commits = new AtomicInteger();
    private GroupCommit group;

    @BeforeEach
    void database() {
        db = new DriverManagerDataSource("jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE t (k VARCHAR(20) PRIMARY KEY)").update();
        group = new GroupCommit(new DataSourceTransactionManager(db) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                commits.incrementAndGet();
                super.doCommit(status);
            }
        }, 256);
    }

    @AfterEach
    void drop() {
        jdbc.sql("SHUTDOWN").update();
    }

    private int insert(String key) {
        return jdbc.sql("INSERT INTO t (k) VALUES (:k)").param("k", key).update();
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM t").query(Long.class).single();
    }

    @Test
    void aSubmittedWork_isCommittedWithTheNextCallersGroup_inOneTransaction() throws Exception {
        CompletableFuture<Integer> logged = group.submit(() -> insert("log-entry"), Duration.ofSeconds(30));
        assertThat(logged).isNotDone();

        group.run(() -> insert("monitoring-record"));

        assertThat(logged.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(commits.get()).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void flush_commitsWhatIsWaiting_withoutWaitingForItsDelay() throws Exception {
        CompletableFuture<Integer> logged = group.submit(() -> insert("at stop"), Duration.ofMinutes(10));
        CompletableFuture<Void> batched = group.submit(rowsOfT, "batched at stop", Duration.ofMinutes(10));

        group.flush();

        assertThat(logged.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        batched.get(1, TimeUnit.SECONDS);
        assertThat(rows()).isEqualTo(2);
        assertThat(commits.get()).isEqualTo(1);
    }

    @Test
    void aSubmittedWorkNoCallerTakesAlong_isCommittedAloneAfterItsDelay() throws Exception {
        CompletableFuture<Integer> logged = group.submit(() -> insert("alone"), Duration.ofMillis(50));

        assertThat(logged.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
        assertThat(commits.get()).isEqualTo(1);
    }

    @Test
    void aFailingWork_failsOnlyItsOwnCaller_theRestOfItsGroupIsCommitted() {
        group.run(() -> insert("taken"));
        CompletableFuture<Integer> duplicate = group.submit(() -> insert("taken"), Duration.ofSeconds(30));

        assertThat(group.run(() -> insert("fresh"))).isEqualTo(1);

        assertThatThrownBy(() -> duplicate.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(rows()).isEqualTo(2);
        assertThatThrownBy(() -> group.run(() -> insert("fresh"))).isInstanceOf(DuplicateKeyException.class);
    }

    /** A batch writer that records each call's items. */
    private final List<List<String>> writes = new CopyOnWriteArrayList<>();
    private final GroupCommit.Batch<String> rowsOfT = items -> {
        writes.add(List.copyOf(items));
        items.forEach(this::insert);
    };

    @Test
    void itemsOfOneBatch_areWrittenInOneCallOfItsWriter_inTheirOrder_andOneCommit() throws Exception {
        CompletableFuture<Void> first = group.submit(rowsOfT, "first", Duration.ofSeconds(30));
        CompletableFuture<Integer> other = group.submit(() -> insert("not batched"), Duration.ofSeconds(30));
        CompletableFuture<Void> second = group.submit(rowsOfT, "second", Duration.ofSeconds(30));

        group.run(rowsOfT, "third");

        first.get(1, TimeUnit.SECONDS);
        second.get(1, TimeUnit.SECONDS);
        assertThat(other.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(writes).containsExactly(List.of("first", "second", "third"));
        assertThat(commits.get()).isEqualTo(1);
        assertThat(rows()).isEqualTo(4);
    }

    @Test
    void aBatchThatFails_isWrittenItemByItem_andOnlyTheFailingItemsCallerFails() {
        group.run(() -> insert("taken"));
        CompletableFuture<Void> duplicate = group.submit(rowsOfT, "taken", Duration.ofSeconds(30));
        CompletableFuture<Void> fresh = group.submit(rowsOfT, "fresh", Duration.ofSeconds(30));

        group.run(rowsOfT, "also fresh");

        assertThatThrownBy(() -> duplicate.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(fresh).succeedsWithin(Duration.ofSeconds(1));
        assertThat(rows()).isEqualTo(3);
        assertThat(writes).contains(List.of("taken"), List.of("fresh"), List.of("also fresh"));
        assertThatThrownBy(() -> group.run(rowsOfT, "fresh")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aPoolWithoutAFreeConnection_failsTheWholeGroupAtOnce_withoutWaitingOncePerWork() {
        AtomicInteger begun = new AtomicInteger();
        GroupCommit starved = new GroupCommit(new DataSourceTransactionManager(db) {
            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
                begun.incrementAndGet();
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request"
                                + " timed out after 300ms"));
            }
        }, 256);
        List<CompletableFuture<Integer>> waiting = List.of(
                starved.submit(() -> insert("a"), Duration.ofMinutes(10)),
                starved.submit(() -> insert("b"), Duration.ofMinutes(10)));

        assertThatThrownBy(() -> starved.run(() -> insert("c"))).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(waiting).allSatisfy(work -> assertThat(work).isCompletedExceptionally());
        assertThat(begun).as("one wait for the pool, not one more per work").hasValue(1);
        assertThat(rows()).isZero();
    }
}
