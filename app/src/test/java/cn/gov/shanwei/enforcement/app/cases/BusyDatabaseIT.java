package cn.gov.shanwei.enforcement.app.cases;

import org.springframework.test.context.TestPropertySource;

/** {@link BusyDatabaseContract} on the embedded H2, every pooled connection with a lock timeout of one second. */
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 1000")
class BusyDatabaseIT extends BusyDatabaseContract {
}
