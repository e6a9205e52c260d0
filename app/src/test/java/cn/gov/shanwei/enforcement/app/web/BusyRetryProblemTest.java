package cn.gov.shanwei.enforcement.app.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler {@link ApiExceptionHandler} picks for each failure, as Spring picks it: every way a lock wait, a
 * deadlock or a statement timeout arrives answers 503 BUSY_RETRY (ADR 0521); anything else stays 500.
 */
class BusyRetryProblemTest {

    static final String SQL = "select next_value from case_number_counter where subject_id = ? for update";

    static List<RuntimeException> busy() {
        SQLException lockTimeout = new SQLException("canceling statement due to lock timeout", "55P03");
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        return List.of(
                new PessimisticLockException(new org.hibernate.PessimisticLockException(SQL, lockTimeout, SQL)),
                new LockTimeoutException(SQL),
                new jakarta.persistence.QueryTimeoutException(SQL),
                new CannotAcquireLockException(SQL, lockTimeout),
                new PessimisticLockingFailureException(SQL, deadlock),
                new QueryTimeoutException(SQL),
                // Hibernate's answer to a deadlock at flush, and a driver's timeout wrapped by someone.
                new OptimisticLockException(new LockAcquisitionException(SQL, deadlock, SQL)),
                new IllegalStateException("wrapped", new SQLTimeoutException(SQL, "57014")),
                // JdbcClient on PostgreSQL: a lock_timeout known by its SQLState alone.
                new UncategorizedSQLException("PreparedStatementCallback", SQL, lockTimeout),
                // No connection from the pool in time: every way DatabaseBusyTest knows it arrives.
                (RuntimeException) DatabaseBusyTest.poolTimeouts().get(1),
                (RuntimeException) DatabaseBusyTest.poolTimeouts().get(3));
    }

    static List<RuntimeException> notBusy() {
        return List.of(new OptimisticLockException(new StaleObjectStateException("case", 1)),
                new DataIntegrityViolationException(SQL), new IllegalStateException("something else"),
                new UncategorizedSQLException("PreparedStatementCallback", SQL,
                        new SQLException("relation does not exist", "42P01")));
    }

    @ParameterizedTest
    @MethodSource("busy")
    void aLockOrTimeoutFailure_answers503BusyRetry_withRetryAfter_andNoSql(RuntimeException failure)
            throws Exception {
        ResponseEntity<ProblemDetail> answer = handle(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        ProblemDetail problem = answer.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "BUSY_RETRY").containsEntry("retryAfterSeconds", 1L);
        assertThat(problem.getDetail()).isEqualTo(DatabaseBusy.DETAIL).doesNotContain("case_number_counter");
        assertThat(DatabaseBusy.describe(failure)).doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("deadlock detected");
    }

    @ParameterizedTest
    @MethodSource("notBusy")
    void anyOtherFailure_staysAnInternalError(RuntimeException failure) throws Exception {
        assertThat(handle(failure).getStatusCode().value()).isEqualTo(500);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<ProblemDetail> handle(RuntimeException failure) throws Exception {
        Method method = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class).resolveMethod(failure);
        method.setAccessible(true);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/penalties");
        return (ResponseEntity<ProblemDetail>) method.invoke(new ApiExceptionHandler(), failure, request);
    }
}
