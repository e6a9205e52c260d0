package cn.gov.shanwei.enforcement.cases.penalty;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema; and V80's
 * trigram index for the party-name search, which this server (with {@code pg_trgm} available) must have, and the
 * list's statements planned for their values (a generic plan of the search read the whole trigram index).
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff", CaseListContract.CAP_PROPERTY})
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
}
