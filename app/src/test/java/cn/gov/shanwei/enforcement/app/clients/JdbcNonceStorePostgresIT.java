package cn.gov.shanwei.enforcement.app.clients;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The shared replay check on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema. */
class JdbcNonceStorePostgresIT extends NonceStoreContract {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    Database freshDatabase() {
        String schema = "nonce_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DriverManagerDataSource postgres = new DriverManagerDataSource(POSTGRES + "?currentSchema=" + schema,
                "postgres", "");
        return new Database(postgres, () -> {
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + schema, e);
            }
        }).migrated(schema);
    }
}
