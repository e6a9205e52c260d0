package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema; and V80's
 * trigram index for the party-name search, which this server (with {@code pg_trgm} available) must have.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff", CaseListContract.CAP_PROPERTY})
class CaseListPostgresIT extends CaseListContract {

    static final PostgresSchema SCHEMA = new PostgresSchema("case_list_it_");

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
}
