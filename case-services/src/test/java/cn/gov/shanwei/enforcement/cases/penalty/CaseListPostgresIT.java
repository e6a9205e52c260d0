package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.support.CapturedStatements;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema; and V80's
 * trigram index for the party-name search, which this server (with {@code pg_trgm} available) must have, and the
 * list's statements planned for their values (a generic plan of the search read the whole trigram index).
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff", CaseListContract.CAP_PROPERTY,
        "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                + "cn.gov.shanwei.enforcement.cases.support.CapturedStatements"})
class CaseListPostgresIT extends CaseListContract {

    static final PostgresSchema SCHEMA = new PostgresSchema("case_list_it_");

    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Test
    void thePartyNameSearch_hasItsTrigramIndex() {
        String definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname = 'penalty_case_party_trgm_idx'", String.class);

        assertThat(definition).contains("USING gin").contains("lower((party_name)").contains("gin_trgm_ops");
    }

    /**
     * The search by party identifier (ADR 0530) seeks its few rows in V98's index; with the sequential scan priced out
     * the planner must be able to answer the officer's list from it, in the default order without a sort.
     */
    @Test
    void theSearchByPartyId_hasItsIndex_andReadsTheDefaultOrderFromIt() {
        String definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname = 'penalty_case_party_index_idx'", String.class);
        // Every row indexed under its own value (a party has a handful of cases) and analysed, in a rolled-back
        // transaction; the sequential scan priced out, as it would be on a large table.
        List<String> plan = tx.execute(status -> {
            jdbc.execute("UPDATE penalty_case SET party_index = md5(id::text) || md5(id::text)");
            jdbc.execute("ANALYZE penalty_case");
            jdbc.execute("SET LOCAL enable_seqscan = off");
            List<String> lines = jdbc.queryForList("EXPLAIN SELECT id FROM penalty_case WHERE party_index = md5('"
                    + new UUID(0, 2) + "') || md5('" + new UUID(0, 2) + "') AND subject_id = 'SW-HF-SCJ'"
                    + " ORDER BY updated_at DESC, id DESC LIMIT 20", String.class);
            status.setRollbackOnly();
            return lines;
        });

        assertThat(definition).contains("(party_index, updated_at, id)");
        assertThat(String.join("\n", plan)).contains("penalty_case_party_index_idx").doesNotContain("Sort");
    }

    @Test
    void theListsStatements_arePlannedForTheirValues_inTheListsTransactionOnly() {
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");

        String inside = tx.execute(status -> {
            cases.list(officer, new CaseQuery(null, null, "海滨", null, null, null, "updatedAt", true, 0, 20));
            return jdbc.queryForObject("SELECT current_setting('plan_cache_mode')", String.class);
        });
        String after = tx.execute(status -> jdbc.queryForObject("SELECT current_setting('plan_cache_mode')",
                String.class));

        assertThat(inside).isEqualTo("force_custom_plan");
        assertThat(after).isEqualTo("auto");
    }

    /**
     * A supervisor's list reads its order from an index (V91, ADR 0520): with 100,000 more cases in the table (in a
     * transaction rolled back afterwards, analysed inside it), the city's and the county's first page and page 50 walk
     * each sort's index both ways without sorting the area, and the town's 100 cases are found through the region
     * path's pattern index (then sorted: a hundred rows). The statement is the one the list sends (Hibernate's, with
     * its values inline: the list plans for its values), so the test fails when an index is dropped.
     */
    @Test
    void aSupervisorsList_readsItsOrderFromAnIndex_andASmallAreaThroughTheRegionPath() {
        tx.executeWithoutResult(status -> {
            loadPlanCases();
            for (String prefix : new String[]{"/441500/", "/441500/441521/"}) {
                for (String sort : new String[]{"updated_at", "fine_fen", "discovered_on", "case_number"}) {
                    for (String direction : new String[]{"asc", "desc"}) {
                        for (int offset : new int[]{0, 1000}) {
                            String plan = explain(listStatement(prefix, sort, direction, offset));

                            assertThat(plan).as(prefix + " " + sort + " " + direction + " offset " + offset)
                                    .containsPattern("Index Scan (Backward )?using penalty_case_"
                                            + (sort.equals("case_number") ? "case_number_key" : "\\w+_idx")
                                            + " on penalty_case")
                                    .doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort\\s+\\(");
                        }
                    }
                }
            }
            String town = explain(listStatement("/441500/441521/441521100/", "updated_at", "desc", 0));
            assertThat(town).contains("penalty_case_region_idx").doesNotContain("Seq Scan");
            status.setRollbackOnly();
        });
    }

    /**
     * The two-character party-name search reads V92's bigram index (ADR 0522) for its page and for its capped count,
     * for an officer, the county and the city: with the 100,000 cases of {@link #loadPlanCases()}, EXPLAIN of the
     * statements Hibernate sent for the list (captured by {@link CapturedStatements}, run again with the values the
     * list bound: jurisdiction, bigram, then the row limits). The search asks for the bigram instead of {@code like}.
     */
    @Test
    void aTwoCharacterSearch_readsTheBigramIndex_forItsPageAndItsCappedCount() {
        tx.executeWithoutResult(status -> {
            loadPlanCases();
            Map<String, String> scopes = Map.of("hf-officer-1", CaseFixtures.HF, "hf-supervisor", "/441500/441521/%",
                    "city-supervisor", "/441500/%");
            for (Map.Entry<String, String> scope : scopes.entrySet()) {
                Actor actor = CaseFixtures.actor(admin, scope.getKey());
                List<String> statements = CapturedStatements.during(() -> cases.list(actor,
                        new CaseQuery(null, null, "海滨", null, null, null, "updatedAt", true, 0, 20)));
                List<String> searches = statements.stream().filter(sql -> sql.contains("penalty_case_party_bigrams"))
                        .toList();

                assertThat(searches).as(scope.getKey()).hasSize(2).noneMatch(sql -> sql.contains("party_name) like"));
                for (String sql : searches) {
                    boolean page = sql.contains("order by");
                    // The page fetches 20 rows, the count the cap + 1 (ADR 0517); an offset of 0 may be left out.
                    List<Object> values = new ArrayList<>(List.of(scope.getValue(), "海滨"));
                    long placeholders = sql.chars().filter(c -> c == '?').count();
                    if (page && placeholders == 4) {
                        values.add(0);
                    }
                    values.add(page ? 20 : CAP + 1);
                    assertThat(placeholders).as(sql).isEqualTo(values.size());

                    String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class,
                            values.toArray()));

                    assertThat(plan).as(scope.getKey() + (page ? " page" : " count") + ":\n" + sql)
                            .contains("penalty_case_party_bigram_idx");
                }
            }
            status.setRollbackOnly();
        });
    }

    /**
     * A search of three characters and more stays {@code like} with the text escaped ({@code escape '\'}), and reads
     * V80's trigram index still: with the 100,000 cases of {@link #loadPlanCases()}, EXPLAIN of the city supervisor's
     * capped count as Hibernate sent it, for a text with a literal {@code _} and for one without.
     */
    @Test
    void anEscapedSearch_readsTheTrigramIndex() {
        tx.executeWithoutResult(status -> {
            loadPlanCases();
            Actor city = CaseFixtures.actor(admin, "city-supervisor");
            for (String text : new String[]{"海滨餐饮", "海滨_餐"}) {
                List<String> statements = CapturedStatements.during(() -> cases.list(city,
                        new CaseQuery(null, null, text, null, null, null, "updatedAt", true, 0, 20)));
                String count = statements.stream().filter(sql -> sql.contains("party_name) like")
                        && !sql.contains("order by")).findFirst().orElseThrow();

                assertThat(count).as(text).contains("escape '\\'");
                String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + count, String.class,
                        "/441500/%", "%" + text.replace("_", "\\_") + "%", CAP + 1));
                assertThat(plan).as(text + ":\n" + count).contains("penalty_case_party_trgm_idx");
            }
            status.setRollbackOnly();
        });
    }

    /**
     * 100,000 more cases in the current transaction (to be rolled back), analysed: half of the county 海丰县's subject,
     * half of 陆丰市's, one in a thousand of the town 海城镇's; 58 party names, all of the county's subject, contain 海滨
     * (more than the cap of 25 for the officer, the county and the city, as in a large area of production), the
     * others 五金.
     */
    private void loadPlanCases() {
        jdbc.update("INSERT INTO penalty_case (id, case_number, subject_id, region_path, matter_code,"
                + " matter_version, matter_name, domain, stage, suspended, summary, party_kind, party_name,"
                + " party_id_enc, party_id_masked, place, discovered_on, fine_fen, paid_fen, event_count,"
                + " head_hash, created_at, updated_at, version, party_index)"
                + " SELECT CAST(md5('plan-' || g) AS UUID), 'PLAN-' || g, CASE WHEN g % 1000 = 7 THEN 'SW-HF-HCZ'"
                + " WHEN g % 2 = 0 THEN 'SW-HF-SCJ' ELSE 'SW-LF-SCJ' END, CASE WHEN g % 1000 = 7 THEN"
                + " '/441500/441521/441521100/' WHEN g % 2 = 0 THEN '/441500/441521/' ELSE '/441500/441581/' END,"
                + " 'C4415-SCJ-0001', 1, '未按规定公示食品经营许可信息', 'MARKET_SUPERVISION',"
                + " (ARRAY['FILED', 'DECIDED', 'CLOSED'])[g % 3 + 1], FALSE, FALSE, 'ORGANISATION',"
                + " CASE WHEN g % 1700 = 0 THEN '汕尾市海滨餐饮' ELSE '汕尾市五金商行' END || g, 'not-a-cipher',"
                + " '9144**********454', 'ADMINISTRATIVE_AREA',"
                + " DATE '2024-01-01' + g % 700, (g * 7919 % 2000) * 10000, 0, 1, repeat('0', 64), now(),"
                + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + (g * 7919 % 1000003) * INTERVAL '1 second', 1,"
                // Every row carries its party's blind index, as once the back-fill is done (ADR 0530).
                + " md5('party-' || g % 30000) || md5('party-' || g % 30000)"
                + " FROM generate_series(1, 100000) g");
        jdbc.execute("ANALYZE penalty_case");
    }

    /**
     * The list's page statement as Hibernate sends it (with {@code escape ''}) for an area, a sort, a direction and an
     * offset, page size 20.
     */
    private static String listStatement(String prefix, String sort, String direction, int offset) {
        return "SELECT * FROM penalty_case c WHERE 1 = 1 AND c.region_path LIKE '" + prefix + "%' ESCAPE ''"
                + " ORDER BY c." + sort + " " + direction + ", c.id " + direction + " OFFSET " + offset
                + " ROWS FETCH FIRST 20 ROWS ONLY";
    }

    private String explain(String statement) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + statement, String.class));
    }
}
