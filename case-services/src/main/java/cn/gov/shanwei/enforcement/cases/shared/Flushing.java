package cn.gov.shanwei.enforcement.cases.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Flushes a unit of work and turns the two signs of a concurrent edit — a stale {@code @Version} and a key taken by
 * a transaction that committed first (e.g. the same event sequence) — into {@link ConcurrentEditException}. The
 * transaction then rolls back: nothing is half-written.
 */
public final class Flushing {

    private Flushing() {
    }

    /** Flushes {@code em}; {@code what} names the record for the conflict message. */
    public static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                throw new ConcurrentEditException(what + " was changed by someone else at the same time: read it "
                        + "again and retry", null);
            }
            throw e;
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockAcquisitionException) {
                // A deadlock or a lock not given in time, which Hibernate hands over as an OptimisticLockException:
                // nobody changed the record, the database was busy (the API answers 503 BUSY_RETRY, ADR 0521).
                return false;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof ConstraintViolationException c
                    && (c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                    || "23505".equals(c.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
