package db.migration;

import cn.gov.shanwei.enforcement.cases.shared.PostgresOnlyMigration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A bigram index for the case list's two-character party-name search (ADR 0522), on PostgreSQL only. The trigram
 * index of V80 has nothing to seek for a text of two characters ("海滨" has no trigram), and in a supervisor's area such
 * a search matches more cases than the capped total counts, so the count read about half of the table. Here:
 * <ul>
 *   <li>{@code penalty_case_party_bigrams(text)}: the two-character substrings of the lower-cased text, as
 *       {@code varchar[]} (the type Hibernate's {@code array_contains} casts its element to: {@code text[] @>
 *       varchar[]} has no operator). Repeated bigrams stay in the array; GIN keeps each key once per row. IMMUTABLE,
 *       as an index expression must be (like {@code lower()} in V80's index it depends on the database's character
 *       type, which does not change under a live database). A PL/pgSQL loop of simple expressions: the planner never
 *       inlines it (a query's call stays the index's expression), and it costs about 8 µs a name where
 *       {@code ARRAY(SELECT DISTINCT substr(…) FROM generate_series(…))} cost 80 µs (measured on 100,000 names);</li>
 *   <li>a GIN index over {@code penalty_case_party_bigrams(party_name)}: for a text of exactly two characters the
 *       list asks {@code penalty_case_party_bigrams(party_name) @> array['海滨']}, which holds for exactly the names
 *       that {@code lower(party_name) like '%海滨%'} matches.</li>
 * </ul>
 * No new column: an expression index changes no row, and the function runs on an insert or an update of a case only
 * for this index's entry.
 *
 * <p>PostgreSQL only (as V80 and V91): on H2 the migration does nothing and the list's search stays {@code like}
 * alone. Built inside Flyway's transaction, not {@code CONCURRENTLY}: writes to {@code penalty_case} wait while it is
 * built (tens of seconds for 1,000,000 cases).
 */
public class V92__penalty_case_party_bigrams extends PostgresOnlyMigration {

    @Override
    protected void migrate(Statement statement) throws SQLException {
        statement.execute("CREATE FUNCTION penalty_case_party_bigrams(name text) RETURNS varchar[]"
                + " LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$"
                + " DECLARE lowered text := lower(name); bigrams varchar[] := '{}';"
                + " BEGIN"
                + " FOR i IN 1 .. char_length(lowered) - 1 LOOP"
                + " bigrams := bigrams || substr(lowered, i, 2)::varchar;"
                + " END LOOP;"
                + " RETURN bigrams;"
                + " END $$");
        statement.execute("CREATE INDEX penalty_case_party_bigram_idx ON penalty_case"
                + " USING gin (penalty_case_party_bigrams(party_name))");
    }
}
