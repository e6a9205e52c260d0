package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared replay check (ADR 0916) on a real database with the hub's migrations: the store itself, and two hub
 * instances — two signature filters, each with its own memory — on one database.
 */
abstract class NonceStoreContract {

    static final String SECRET = "a-secret-of-at-least-32-characters-0001";
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);

    JdbcClient jdbc;
    JdbcNonceStore store;
    private Database database;

    /**
     * A database with the hub's migrations.
     *
     * @param dataSource where it is
     * @param drop       throws it away
     */
    record Database(DriverManagerDataSource dataSource, Runnable drop) {
        /** Runs the hub's migrations (into {@code schema}, created, unless null). */
        Database migrated(String schema) {
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            (schema == null ? flyway : flyway.schemas(schema).createSchemas(true)).load().migrate();
            return this;
        }
    }

    /** A fresh database with the hub's migrations. */
    abstract Database freshDatabase();

    @BeforeEach
    void createDatabase() {
        database = freshDatabase();
        jdbc = JdbcClient.create(database.dataSource());
        store = new JdbcNonceStore(jdbc, new GroupCommit(new org.springframework.jdbc.datasource
                .DataSourceTransactionManager(database.dataSource()), 256), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void dropDatabase() {
        database.drop().run();
    }

    @Test
    void firstUse_isTrueOnce_perClientAndNonce() {
        Instant until = NOW.plus(WINDOW);

        assertThat(store.firstUse("market-supervision", "nonce-0000000000000001", until)).isTrue();
        assertThat(store.firstUse("market-supervision", "nonce-0000000000000001", until)).isFalse();
        assertThat(store.firstUse("urban-management", "nonce-0000000000000001", until)).as("another client's")
                .isTrue();
        assertThat(store.firstUse("market-supervision", "nonce-0000000000000002", until)).isTrue();
    }

    @Test
    void firstUse_underConcurrency_admitsExactlyOneOfManyRacingInstances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                racers.add(() -> store.firstUse("market-supervision", "nonce-raced-0000000001", NOW.plus(WINDOW)));
            }
            long admitted = 0;
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                admitted += result.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeExpired_forgetsOnlyNoncesWhoseTimeIsPast() {
        store.firstUse("market-supervision", "nonce-expired-00000001", NOW.minusSeconds(1));
        store.firstUse("market-supervision", "nonce-current-00000001", NOW.plusSeconds(1));

        assertThat(store.purgeExpired()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT nonce FROM client_nonce").query(String.class).list())
                .containsExactly("nonce-current-00000001");
    }

    @Test
    void twoHubInstancesOnOneDatabase_refuseASecondUseOfANonceTheOtherAccepted() throws Exception {
        RequestSignatureFilter first = instance();
        RequestSignatureFilter second = instance();
        String nonce = UUID.randomUUID().toString();

        MockHttpServletResponse accepted = call(first, nonce);
        MockHttpServletResponse replayedElsewhere = call(second, nonce);
        MockHttpServletResponse replayedHere = call(first, nonce);

        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        assertThat(replayedElsewhere.getStatus()).isEqualTo(401);
        assertThat(replayedElsewhere.getContentAsString()).contains("AUTHENTICATION_FAILED", "replayed",
                "another hub instance");
        assertThat(replayedHere.getStatus()).isEqualTo(401);
        assertThat(call(second, UUID.randomUUID().toString()).getStatus()).as("a fresh nonce").isEqualTo(200);
        assertThat(jdbc.sql("SELECT expires_at FROM client_nonce WHERE nonce = :n").param("n", nonce)
                .query(java.sql.Timestamp.class).single().toInstant())
                .as("remembered for twice the window after the request's time").isEqualTo(NOW.plus(WINDOW.multipliedBy(2)));
    }

    /** A hub instance's signature filter: its own memory, the shared store. */
    RequestSignatureFilter instance() {
        return instance(store);
    }

    /** A hub instance's signature filter over {@code nonces}. */
    static RequestSignatureFilter instance(NonceStore nonces) {
        ClientRegistry registry = new ClientRegistry(new ClientRegistryProperties(Map.of("market-supervision",
                new ClientRegistryProperties.Client("市场监管", List.of(SECRET), Set.of("licence.verify"), null, null)),
                null));
        return new RequestSignatureFilter(registry, Clock.fixed(NOW, ZoneOffset.UTC), WINDOW, 1024, 1024,
                new ObjectMapper(), nonces);
    }

    /** A GET signed by market-supervision at {@link #NOW} with {@code nonce}, through {@code filter}. */
    static MockHttpServletResponse call(RequestSignatureFilter filter, String nonce) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(signed(nonce), response, new MockFilterChain());
        return response;
    }

    /** A GET signed by market-supervision at {@link #NOW} with {@code nonce}. */
    static MockHttpServletRequest signed(String nonce) {
        String path = "/api/v1/clients/me";
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        long timestamp = NOW.getEpochSecond();
        request.addHeader(RequestSignatureFilter.CLIENT_ID, "market-supervision");
        request.addHeader(RequestSignatureFilter.TIMESTAMP, Long.toString(timestamp));
        request.addHeader(RequestSignatureFilter.NONCE, nonce);
        request.addHeader(RequestSignatureFilter.SIGNATURE, HubRequestSignature.sign(SECRET,
                HubRequestSignature.canonical("GET", path, timestamp, nonce, new byte[0])));
        return request;
    }
}
