package cn.gov.shanwei.enforcement.cases.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/** Which flush failures are a concurrent edit (409) and which go on as they came (a busy database: 503). */
class FlushingTest {

    @Test
    void aStaleVersion_isAConcurrentEdit() {
        EntityManager em = failingFlush(new OptimisticLockException(new StaleObjectStateException("case", 1)));

        assertThatThrownBy(() -> Flushing.flush(em, "Case 1")).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void aDeadlock_thatHibernateReportsAsOptimisticLock_isNoConcurrentEdit_andGoesOnAsItCame() {
        // What Hibernate 6 makes of PostgreSQL's 40P01 (and H2's 40001) at flush.
        OptimisticLockException deadlock = new OptimisticLockException(new LockAcquisitionException(
                "could not execute statement", new SQLException("deadlock detected", "40P01"), "update …"));
        EntityManager em = failingFlush(deadlock);

        assertThatThrownBy(() -> Flushing.flush(em, "Case 1")).isSameAs(deadlock);
    }

    private static EntityManager failingFlush(RuntimeException failure) {
        EntityManager em = mock(EntityManager.class);
        doThrow(failure).when(em).flush();
        return em;
    }
}
