package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The case list contract on H2 in PostgreSQL mode (the default database). */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:caselist;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff", CaseListContract.CAP_PROPERTY})
class CaseListH2Test extends CaseListContract {
}
