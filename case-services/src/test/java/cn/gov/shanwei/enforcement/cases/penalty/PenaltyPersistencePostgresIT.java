package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The persistence contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema. */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class PenaltyPersistencePostgresIT extends PenaltyPersistenceContract {

    static final PostgresSchema SCHEMA = new PostgresSchema("cases_it_");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }
}
