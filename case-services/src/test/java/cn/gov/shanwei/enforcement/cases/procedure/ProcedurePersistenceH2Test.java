package cn.gov.shanwei.enforcement.cases.procedure;

import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The procedures' persistence contract on H2 in PostgreSQL mode (the same context as the penalty contract's). */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:cases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class ProcedurePersistenceH2Test extends ProcedurePersistenceContract {
}
