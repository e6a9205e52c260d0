package cn.gov.shanwei.enforcement.app.clients;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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
        NonceStore flaky = (client, nonce, until) -> {
            if (down.get()) {
                throw new CannotGetJdbcConnectionException("database down");
            }
            return store.firstUse(client, nonce, until);
        };
        RequestSignatureFilter filter = instance(flaky);
        String nonce = UUID.randomUUID().toString();

        MockHttpServletResponse refused = call(filter, nonce);
        down.set(false);
        MockHttpServletResponse retried = call(filter, nonce);

        assertThat(refused.getStatus()).isEqualTo(500);
        assertThat(refused.getContentAsString()).contains("INTERNAL_ERROR", "replay");
        assertThat(retried.getStatus()).as("the same request once the store answers again").isEqualTo(200);
    }
}
