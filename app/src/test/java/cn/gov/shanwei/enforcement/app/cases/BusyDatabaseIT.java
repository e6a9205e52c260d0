package cn.gov.shanwei.enforcement.app.cases;

import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link BusyDatabaseContract} on the embedded H2, every pooled connection with its short lock timeout. */
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT "
        + BusyDatabaseContract.LOCK_TIMEOUT_MS)
class BusyDatabaseIT extends BusyDatabaseContract {

    @Override
    int waitingFor(Connection holder, Connection probe) throws SQLException {
        int session = intOf(holder, "SELECT SESSION_ID()", null);
        return intOf(probe, "SELECT count(*) FROM information_schema.sessions WHERE blocker_id = ?", session);
    }
}
