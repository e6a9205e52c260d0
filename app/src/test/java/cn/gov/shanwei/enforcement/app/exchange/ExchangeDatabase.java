package cn.gov.shanwei.enforcement.app.exchange;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database with the hub's migrations, for the exchange's JDBC tests: an H2 in-memory database in
 * PostgreSQL mode (as the hub runs it) or a throw-away schema on PostgreSQL (127.0.0.1:5432, database {@code test}).
 */
final class ExchangeDatabase implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    final DataSource dataSource;
    final JdbcClient jdbc;
    private final String schema;

    private ExchangeDatabase(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.schema = schema;
    }

    static ExchangeDatabase h2() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:exchange-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new ExchangeDatabase(ds, null);
    }

    static ExchangeDatabase postgres() {
        String schema = "exchange_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DriverManagerDataSource ds = new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema,
                "postgres", "");
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                .load().migrate();
        return new ExchangeDatabase(ds, schema);
    }

    @Override
    public void close() throws Exception {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } else {
            jdbc.sql("SHUTDOWN").update();
        }
    }
}
