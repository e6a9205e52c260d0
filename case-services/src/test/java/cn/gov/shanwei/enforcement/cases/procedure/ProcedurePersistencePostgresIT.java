package cn.gov.shanwei.enforcement.cases.procedure;

import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The procedures' persistence contract on PostgreSQL (127.0.0.1:5432, database {@code test}), own schema. */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class ProcedurePersistencePostgresIT extends ProcedurePersistenceContract {

    static final PostgresSchema SCHEMA = new PostgresSchema("procedures_it_");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The yearly-limit count seeks {@code procedure_case_limit_idx} with the blind index bound as the hub binds every
     * string (VARCHAR): PostgreSQL casts that parameter to the column's CHAR(64), so the index serves it. (A TEXT
     * parameter would cast the column instead and lose the index; the JDBC driver never sends one for a string.)
     */
    @Test
    void theYearlyLimitCount_seeksItsIndex_withTheValueAsTheHubBindsIt() {
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");   // priced out, as on a large table
            String lines = String.join("\n", jdbc.queryForList("EXPLAIN SELECT count(*) FROM procedure_case"
                    + " WHERE party_index = ? AND matter_code = ? AND limit_year = ?", String.class,
                    "a".repeat(64), "C4415-SCJ-J001", 2026));
            status.setRollbackOnly();
            return lines;
        });

        assertThat(plan).contains("procedure_case_limit_idx");
    }
}
