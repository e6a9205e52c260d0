package cn.gov.shanwei.enforcement.app.web;

import org.hibernate.exception.LockAcquisitionException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The database did not give a lock in time, chose this transaction as a deadlock's loser, or cancelled a statement
 * at its timeout (ADR 0521). The transaction that met it rolls back whole: nothing of the call was written, and the
 * same call may be sent again. Recognised however it arrives — Spring's translation, JPA's, Hibernate's own or the
 * driver's — anywhere in the chain of causes.
 */
public final class DatabaseBusy {

    /** How long the API asks a caller to wait before sending the call again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** What the API answers: no SQL, table or row, only what happened to the call and what to do. */
    public static final String DETAIL = "The hub's database is busy: nothing was written; send the same request again "
            + "in a moment";

    private DatabaseBusy() {
    }

    /** Whether {@code failure} or one of its causes is a lock not given in time, a deadlock or a statement timeout. */
    public static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
