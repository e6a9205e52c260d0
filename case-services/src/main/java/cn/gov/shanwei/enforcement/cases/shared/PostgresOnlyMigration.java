package cn.gov.shanwei.enforcement.cases.shared;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Java migration whose SQL exists on PostgreSQL only (V91's sort indexes, V92's bigram index): on any other database
 * (H2, the sandbox's) it does nothing. Outside {@code db/migration}, so that Flyway does not take it for a migration.
 */
public abstract class PostgresOnlyMigration extends BaseJavaMigration {

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            migrate(statement);
        }
    }

    /** Runs the migration's statements on PostgreSQL, in Flyway's transaction. */
    protected abstract void migrate(Statement statement) throws SQLException;
}
