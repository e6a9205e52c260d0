package cn.gov.shanwei.enforcement.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The database an on-demand benchmark of {@code app} runs on: the default H2 file database, or with
 * {@code -D<property>=postgres} a throw-away schema in PostgreSQL at 127.0.0.1:5432, database {@code test} (trust
 * auth), dropped afterwards.
 */
public final class BenchmarkDatabase {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String name;
    private final String schema;

    /** The database named by system property {@code property} ({@code h2} unless set); {@code prefix} names the schema. */
    public BenchmarkDatabase(String property, String prefix) {
        this.name = System.getProperty(property, "h2");
        this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** {@code h2} or {@code postgres}, as the results file is named. */
    public String name() {
        return name;
    }

    /** Points the hub at the schema when PostgreSQL is asked for (call from a {@code @DynamicPropertySource}). */
    public void configure(DynamicPropertyRegistry registry) {
        if (name.equals("postgres")) {
            registry.add("spring.datasource.url", () -> POSTGRES + "?currentSchema=" + schema);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.schemas", () -> schema);
            registry.add("spring.flyway.create-schemas", () -> "true");
        }
    }

    /** Drops the schema (call from an {@code @AfterAll}). */
    public void drop() throws SQLException {
        if (name.equals("postgres")) {
            try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
