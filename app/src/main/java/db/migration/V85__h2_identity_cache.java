package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * H2 only: the identity columns of the tables written once or more per durable effect or API call take their ids
 * from a cache of 1000 instead of H2's default of 32. H2 stores a sequence's position in its schema whenever a cache
 * is used up, in a commit of its own (with {@code WRITE_DELAY=0} a write to the file) taken under the system
 * session's lock that every inserting thread waits on; at 32 that was one extra commit per 32 outbox rows and again
 * per 32 monitoring records (docs/benchmarks.md, issue 6). After a crash up to 1000 ids per table are skipped, which
 * nothing relies on: ids only order rows. PostgreSQL is left alone: its sequences are not persisted per value.
 */
public class V85__h2_identity_cache extends BaseJavaMigration {

    static final int CACHE = 1000;
    static final List<String> TABLES = List.of("outbox_message", "provider_call", "api_call");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN id SET CACHE " + CACHE);
            }
        }
    }
}
