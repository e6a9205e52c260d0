package cn.gov.shanwei.enforcement.app.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
}
