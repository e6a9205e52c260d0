package cn.gov.shanwei.enforcement.cases.shared;

import cn.gov.shanwei.enforcement.cases.support.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

import java.sql.SQLException;
import java.util.Map;

/** The key rotation contract on PostgreSQL (127.0.0.1:5432, database {@code test}), a throw-away schema per test. */
class KeyRotationPostgresIT extends KeyRotationContract {

    private final PostgresSchema schema = new PostgresSchema("keyrot_it_");

    @Override
    Map<String, Object> database() {
        return schema.properties();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.drop();
    }
}
