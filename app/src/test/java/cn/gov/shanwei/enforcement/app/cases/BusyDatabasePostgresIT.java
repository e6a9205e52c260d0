package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link BusyDatabaseContract} on PostgreSQL (127.0.0.1:5432, database {@code test}, a throw-away schema), every
 * pooled connection with its short {@code lock_timeout}: PostgreSQL otherwise waits for a lock without end. The hub
 * is closed after the class (its background work would otherwise go on against the dropped schema).
 */
@DirtiesContext
class BusyDatabasePostgresIT extends BusyDatabaseContract {

    static final PostgresSchema SCHEMA = new PostgresSchema("hub_busy_it_");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
        registry.add("spring.datasource.hikari.connection-init-sql",
                () -> "SET lock_timeout = " + LOCK_TIMEOUT_MS);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SCHEMA.drop();
    }

    @Override
    int waitingFor(Connection holder, Connection probe) throws SQLException {
        int pid = intOf(holder, "SELECT pg_backend_pid()", null);
        return intOf(probe, "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", pid);
    }
}
