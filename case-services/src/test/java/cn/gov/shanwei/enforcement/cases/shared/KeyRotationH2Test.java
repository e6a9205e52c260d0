package cn.gov.shanwei.enforcement.cases.shared;

import java.util.Map;
import java.util.UUID;

/** The key rotation contract on H2 in PostgreSQL mode, a fresh in-memory database per test. */
class KeyRotationH2Test extends KeyRotationContract {

    private final String url = "jdbc:h2:mem:keyrot-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    Map<String, Object> database() {
        return Map.of("spring.datasource.url", url);
    }
}
