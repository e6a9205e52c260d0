package cn.gov.shanwei.enforcement.app.web;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures {@link DatabaseBusy} calls busy (ADR 0521), and which of those are a pool that gave no connection in
 * time — answered 503 like a lock, but never tried again inside the hub.
 */
class DatabaseBusyTest {

    /** What Hikari throws when no connection came free within {@code connection-timeout}. */
    static SQLTransientConnectionException hikariTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                + " after 301ms (total=3, active=3, idle=0, waiting=2)");
    }

    /** The wrappings a pool timeout arrives in, by where it is met. */
    static List<Throwable> poolTimeouts() {
        return List.of(hikariTimeout(),
                // JpaTransactionManager.doBegin: Hibernate's JDBCConnectionException inside Spring's.
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new JDBCConnectionException("Unable to acquire JDBC Connection", hikariTimeout())),
                // DataSourceTransactionManager.doBegin.
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        hikariTimeout()),
                // JdbcClient outside a transaction (DataSourceUtils.getConnection).
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout()),
                // Spring's translation of the SQLException subclass, and JPA outside a Spring transaction.
                new TransientDataAccessResourceException("PreparedStatementCallback", hikariTimeout()),
                new PersistenceException(new JDBCConnectionException("Unable to acquire JDBC Connection",
                        hikariTimeout())));
    }

    static List<Throwable> lockBusy() {
        SQLException lockTimeout = new SQLException("canceling statement due to lock timeout", "55P03");
        return List.of(new CannotAcquireLockException("select … for update", lockTimeout),
                new PessimisticLockException("timeout"), new IllegalStateException(new SQLTimeoutException("t", "57014")),
                new SQLException("Timeout trying to lock table", "HYT00"));
    }

    static List<Throwable> notBusy() {
        return List.of(new IllegalStateException("something else"), new DataIntegrityViolationException("dup"),
                // The database refusing or dropping a connection is no pool timeout and no lock.
                new DataAccessResourceFailureException("connection refused",
                        new SQLNonTransientConnectionException("Connection refused", "08001")),
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new JDBCConnectionException("broken", new SQLException("connection closed", "08003"))));
    }

    @ParameterizedTest
    @MethodSource("poolTimeouts")
    void aPoolTimeout_isBusy_butNoLockContention(Throwable failure) {
        assertThat(DatabaseBusy.isBusy(failure)).isTrue();
        assertThat(DatabaseBusy.isPoolExhausted(failure)).isTrue();
        assertThat(DatabaseBusy.isLockBusy(failure)).as("not worth an immediate second attempt").isFalse();
    }

    @ParameterizedTest
    @MethodSource("lockBusy")
    void aLockTimeoutOrDeadlock_isBusy_andNoPoolTimeout(Throwable failure) {
        assertThat(DatabaseBusy.isBusy(failure)).isTrue();
        assertThat(DatabaseBusy.isLockBusy(failure)).isTrue();
        assertThat(DatabaseBusy.isPoolExhausted(failure)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("notBusy")
    void anyOtherFailure_isNotBusy(Throwable failure) {
        assertThat(DatabaseBusy.isBusy(failure)).isFalse();
        assertThat(DatabaseBusy.isPoolExhausted(failure)).isFalse();
    }

    @Test
    void describe_namesThePoolTimeoutsClasses_notItsMessage() {
        Throwable failure = poolTimeouts().get(1);
        assertThat(DatabaseBusy.describe(failure)).isEqualTo("CannotCreateTransactionException"
                + " < JDBCConnectionException < SQLTransientConnectionException").doesNotContain("HikariPool");
    }
}
