package db.migration;

import cn.gov.shanwei.enforcement.cases.shared.PostgresOnlyMigration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A supervisor's case list (scope Area: {@code region_path like '/441500/441521/%'}) over 1,000,000 cases, index-backed
 * on PostgreSQL (ADR 0520). A supervisor's area is a prefix of region paths, not one value, so no index that starts
 * with the jurisdiction gives a sort order; V79's indexes all start with {@code subject_id} (an officer's list). Here:
 * <ul>
 *   <li>one index per sort of {@code CaseQuery.SORTABLE} <em>without</em> the jurisdiction:
 *       {@code (updated_at, id)}, {@code (fine_fen, id)}, {@code (discovered_on, id)}; {@code case_number} already has
 *       its unique index (V20). For a city or county, which holds a good share of all cases, PostgreSQL walks the
 *       order forwards or backwards and keeps the rows under the prefix until the page is full;</li>
 *   <li>{@code penalty_case_region_idx} again, with {@code text_pattern_ops} and the stage instead of the last change:
 *       the V20 index {@code (region_path, updated_at)} uses the column's collation, for which a B-tree cannot answer
 *       {@code like 'prefix%'} unless the collation is "C" (not even "C.UTF-8" on PostgreSQL 15). A small area (a
 *       town with 100 cases) is read through it and its few rows sorted; the capped total of any area counts its
 *       entries there (an index-only scan), with the stage filter in the index too.</li>
 * </ul>
 * The list plans every statement for its values (ADR 0517), so the planner chooses between the two for each prefix.
 *
 * <p>PostgreSQL only: on H2 the migration does nothing (H2 is the sandbox's database, and its planner would take an
 * order index for a supervisor's list and read the whole table for a small area). A Java migration because the SQL
 * exists on one database only (as V80). The indexes are built inside Flyway's transaction, not {@code CONCURRENTLY}:
 * writes to {@code penalty_case} wait while they are built (seconds for 1,000,000 cases).
 */
public class V91__penalty_case_area_list_indexes extends PostgresOnlyMigration {

    @Override
    protected void migrate(Statement statement) throws SQLException {
        statement.execute("DROP INDEX penalty_case_region_idx");
        statement.execute("CREATE INDEX penalty_case_region_idx ON penalty_case"
                + " (region_path text_pattern_ops, stage)");
        statement.execute("CREATE INDEX penalty_case_updated_idx ON penalty_case (updated_at, id)");
        statement.execute("CREATE INDEX penalty_case_fine_idx ON penalty_case (fine_fen, id)");
        statement.execute("CREATE INDEX penalty_case_discovered_idx ON penalty_case (discovered_on, id)");
    }
}
