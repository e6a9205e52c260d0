package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A creation is tried once more after a lock timeout, never after a pool that gave no connection in time: that
 * second attempt would only wait the whole {@code connection-timeout} again (ADR 0521).
 */
class StaffCreationsBusyTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:creations-"
            + UUID.randomUUID());
    private final StaffCreations creations = new StaffCreations(JdbcClient.create(db),
            new DataSourceTransactionManager(db), new ObjectMapper(), Clock.systemUTC());

    private int attemptsUntilFailure(RuntimeException failure) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<UUID> create = () -> {
            attempts.incrementAndGet();
            throw failure;
        };
        assertThatThrownBy(() -> creations.create(null, null, "lead", Map.of(), create, id -> id, id -> id))
                .isSameAs(failure);
        return attempts.get();
    }

    @Test
    void aPoolTimeout_isNotTriedAgain() {
        RuntimeException poolTimeout = new CannotCreateTransactionException("Could not open JPA EntityManager for"
                + " transaction", new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                        + " after 300ms")));

        assertThat(attemptsUntilFailure(poolTimeout)).isEqualTo(1);
    }

    @Test
    void aLockTimeout_isTriedOnceMore() {
        RuntimeException lockTimeout = new CannotAcquireLockException("select … for update",
                new SQLException("Timeout trying to lock table", "HYT00"));

        assertThat(attemptsUntilFailure(lockTimeout)).isEqualTo(1 + StaffCreations.BUSY_RETRIES);
    }
}
