package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.web.DatabaseBusyFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared replay check on H2 in PostgreSQL mode, as the embedded hub runs it; and a store that cannot answer. */
class JdbcNonceStoreH2Test extends NonceStoreContract {

    @Override
    Database freshDatabase() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:nonces-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        return new Database(h2, () -> JdbcClient.create(h2).sql("SHUTDOWN").update()).migrated(null);
    }

    @Test
    void storeThatCannotAnswer_refusesTheRequest_withoutSpendingTheNonce() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        RequestSignatureFilter filter = instance(failingWhile(down,
                () -> new CannotGetJdbcConnectionException("database down")));
        String nonce = UUID.randomUUID().toString();

        MockHttpServletResponse refused = call(filter, nonce);
        down.set(false);
        MockHttpServletResponse retried = call(filter, nonce);

        assertThat(refused.getStatus()).isEqualTo(500);
        assertThat(refused.getContentAsString()).contains("INTERNAL_ERROR", "replay");
        assertThat(retried.getStatus()).as("the same request once the store answers again").isEqualTo(200);
    }

    /**
     * A lock the nonce's insert did not get in time (ADR 0521) goes on to {@link DatabaseBusyFilter}: 503
     * {@code BUSY_RETRY} with {@code Retry-After} and no SQL, and the same request passes once the lock is gone.
     */
    @Test
    void storeThatWaitedTooLongForALock_answers503BusyRetry_withoutSpendingTheNonce() throws Exception {
        AtomicBoolean locked = new AtomicBoolean(true);
        RequestSignatureFilter filter = instance(failingWhile(locked,
                () -> new CannotAcquireLockException("INSERT INTO client_nonce: Timeout trying to lock table")));
        String nonce = UUID.randomUUID().toString();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        new DatabaseBusyFilter(new ObjectMapper()).doFilter(signed(nonce), refused,
                new MockFilterChain(new HttpServlet() { }, filter));
        locked.set(false);
        MockHttpServletResponse retried = call(filter, nonce);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("BUSY_RETRY", "\"retryAfterSeconds\":1")
                .doesNotContainIgnoringCase("client_nonce").doesNotContainIgnoringCase("insert");
        assertThat(retried.getStatus()).as("the same request once the lock is gone").isEqualTo(200);
    }

    /** The shared store, throwing {@code failure} instead of answering while {@code failing} is set. */
    private NonceStore failingWhile(AtomicBoolean failing, Supplier<RuntimeException> failure) {
        return (client, nonce, until) -> {
            if (failing.get()) {
                throw failure.get();
            }
            return store.firstUse(client, nonce, until);
        };
    }
}
