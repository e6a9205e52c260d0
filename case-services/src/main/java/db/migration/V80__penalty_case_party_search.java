package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * A trigram index for the case list's party-name search ({@code lower(party_name) like '%…%'}, ADR 0517), on
 * PostgreSQL only: H2 has no trigram index (there the migration does nothing), and a PostgreSQL without the
 * {@code pg_trgm} extension, or a hub user that may not create it, gets no index instead of a failed migration (the
 * search still works, by reading the subject's cases). A Java migration because the SQL differs by database and
 * because the extension's presence is only known when the migration runs.
 *
 * <p>The extension goes to schema {@code public} when there is one (not into the hub's own schema, where dropping the
 * schema would take the extension, and every other schema's trigram index, with it), and the index names the operator
 * class with the extension's schema, which need not be on the hub's search path.
 */
public class V80__penalty_case_party_search extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V80__penalty_case_party_search.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        String schema = trigramSchema(connection);
        if (schema == null && available(connection)) {
            Savepoint before = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA "
                        + quote(hasPublicSchema(connection) ? "public" : currentSchema(connection)));
                connection.releaseSavepoint(before);
            } catch (SQLException e) {
                // Not allowed here, or created by a concurrent migration of another schema a moment ago.
                connection.rollback(before);
                LOG.warn("Could not create extension pg_trgm ({}); looking for it once more", e.getMessage());
            }
            schema = trigramSchema(connection);
        }
        if (schema == null) {
            LOG.warn("PostgreSQL extension pg_trgm is not available: the case list's party-name search has no index"
                    + " and reads every case of the subject (ADR 0517)");
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX penalty_case_party_trgm_idx ON penalty_case USING gin (lower(party_name) "
                    + quote(schema) + ".gin_trgm_ops)");
        }
    }

    private static String trigramSchema(Connection connection) throws SQLException {
        return single(connection, "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname = 'pg_trgm'");
    }

    private static boolean available(Connection connection) throws SQLException {
        return single(connection, "SELECT name FROM pg_available_extensions WHERE name = 'pg_trgm'") != null;
    }

    private static boolean hasPublicSchema(Connection connection) throws SQLException {
        return single(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'public'"
                + " AND has_schema_privilege(nspname, 'CREATE')") != null;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        return single(connection, "SELECT current_schema()");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
