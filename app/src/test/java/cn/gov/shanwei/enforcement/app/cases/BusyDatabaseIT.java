package cn.gov.shanwei.enforcement.app.cases;

import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link BusyDatabaseContract} on the embedded H2, every pooled connection with a lock timeout of one second. */
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 1000")
class BusyDatabaseIT extends BusyDatabaseContract {

    @Override
    int waitingFor(Connection holder, Connection probe) throws SQLException {
        int session = intOf(holder, "SELECT SESSION_ID()", null);
        return intOf(probe, "SELECT count(*) FROM information_schema.sessions WHERE blocker_id = ?", session);
    }
}
