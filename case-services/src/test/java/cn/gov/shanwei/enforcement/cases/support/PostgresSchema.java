package cn.gov.shanwei.enforcement.cases.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/** A throw-away schema on the test PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth). */
public final class PostgresSchema {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String name;

    /** @param prefix the schema name's prefix; a random suffix follows */
    public PostgresSchema(String prefix) {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Points the datasource and Flyway at the schema (created by Flyway). */
    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The properties that point the datasource and Flyway at the schema, for an application started by hand. */
    public Map<String, Object> properties() {
        return Map.of("spring.datasource.url", POSTGRES + "?currentSchema=" + name,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.flyway.schemas", name,
                "spring.flyway.create-schemas", "true");
    }

    /** Drops the schema and everything in it. */
    public void drop() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
