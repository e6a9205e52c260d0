package cn.gov.shanwei.enforcement.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The database did not give a lock in time, chose this transaction as a deadlock's loser, or cancelled a statement
 * at its timeout; or the connection pool had no connection to give within its {@code connection-timeout} (ADR 0521).
 * The transaction that met it rolls back whole (or never began): nothing of the call was written, and the same call
 * may be sent again. Recognised however it arrives — Spring's translation, JPA's, Hibernate's own or the driver's —
 * anywhere in the chain of causes.
 */
public final class DatabaseBusy {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBusy.class);

    /** How long the API asks a caller to wait before sending the call again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** What the API answers: no SQL, table or row, only what happened to the call and what to do. */
    public static final String DETAIL = "The hub's database is busy: nothing was written; send the same request again "
            + "in a moment";

    /**
     * The SQLStates of a busy database where nothing but the state says so: PostgreSQL's lock not available
     * ({@code lock_timeout}), deadlock and statement cancelled ({@code statement_timeout}), H2's lock timeout, and the
     * serialization failure both use. Spring's {@code JdbcClient} hands PostgreSQL's {@code 55P03} over as an
     * {@code UncategorizedSQLException} (seen for the replay check's insert in {@code BusyDatabasePostgresIT}).
     */
    private static final Set<String> BUSY_SQL_STATES = Set.of("55P03", "40P01", "57014", "HYT00", "40001");

    private DatabaseBusy() {
    }

    /**
     * Whether {@code failure} or one of its causes is a lock not given in time, a deadlock, a statement timeout or a
     * connection the pool did not give in time: everything answered 503 {@code BUSY_RETRY}.
     */
    public static boolean isBusy(Throwable failure) {
        return isLockBusy(failure) || isPoolExhausted(failure);
    }

    /**
     * Whether the pool gave no connection within its {@code connection-timeout}: Hikari's
     * {@link SQLTransientConnectionException} ("Connection is not available, request timed out after …"), however
     * Spring or Hibernate wrapped it ({@code CannotCreateTransactionException}, {@code CannotGetJdbcConnectionException},
     * {@code JDBCConnectionException}). Nothing ran, so it is busy; but trying again at once would only wait the whole
     * timeout again behind the same holders of every connection, so the hub itself never does.
     */
    public static boolean isPoolExhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} or one of its causes is a lock not given in time, a deadlock or a statement timeout: a
     * contention of rows, which a second attempt of the whole transaction may well get past.
     */
    public static boolean isLockBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Set.of(…).contains(null) throws: Hikari's pool timeout has no SQLState.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && BUSY_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (t instanceof PessimisticLockingFailureException || t instanceof QueryTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof SQLTimeoutException || t instanceof SQLTransactionRollbackException
                    || t instanceof org.hibernate.PessimisticLockException || t instanceof LockAcquisitionException
                    || t instanceof org.hibernate.QueryTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The problem {@code BUSY_RETRY} answering {@code failure} (to be sent with {@link #RETRY_AFTER}), after one WARN
     * line with the method, the path and {@link #describe the failure's classes}: the same from a controller
     * ({@link ApiExceptionHandler}) and from a servlet filter ({@link DatabaseBusyFilter}).
     */
    public static ProblemDetail problem(Throwable failure, HttpServletRequest request) {
        LOG.warn("Database busy on {} {}: {}; answered {}", request.getMethod(), request.getRequestURI(),
                describe(failure), ErrorCode.BUSY_RETRY);
        return Problems.problem(ErrorCode.BUSY_RETRY, DETAIL, request);
    }

    /**
     * The chain of causes by class name and the database's SQLState, for the log: never a message, which would carry
     * the SQL and, from some databases, the values of the row.
     */
    public static String describe(Throwable failure) {
        List<String> names = new ArrayList<>();
        String sqlState = null;
        for (Throwable t = failure; t != null && names.size() < 8; t = t.getCause()) {
            names.add(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(" < ", names) + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }
}
