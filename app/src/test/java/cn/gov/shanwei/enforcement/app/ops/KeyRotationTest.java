package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.Reencryption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One re-encryption run at a time, in the background; its progress counted from the data. */
class KeyRotationTest {

    static final String A = "00112233445566778899aabbccddeeff";
    static final String B = "ffeeddccbbaa99887766554433221100";

    @Test
    void aSecondRunIsRefusedWhileOneIsGoingOn_andTheProgressReachesZeroWhenItEnds() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:keyrotation-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate plain = new JdbcTemplate(db);
        plain.execute("CREATE TABLE sealed (id INT PRIMARY KEY, value_enc VARCHAR(500))");
        FieldCipher old = new FieldCipher(A);
        for (int i = 0; i < 5; i++) {
            plain.update("INSERT INTO sealed (id, value_enc) VALUES (?, ?)", i, old.encrypt("value " + i));
        }
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        JdbcTemplate held = new JdbcTemplate(db) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                reading.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.query(sql, rowMapper, args);
            }
        };
        FieldCipher rotated = new FieldCipher("hub.cases.crypto", B, List.of(A), A);
        try (KeyRotation rotation = new KeyRotation(Map.of("hub.cases.crypto", new Reencryption(rotated,
                List.of(new Reencryption.Column("sealed", List.of("id"), "value_enc")), held,
                new TransactionTemplate(new DataSourceTransactionManager(db)), 2)), Clock.systemUTC())) {
            assertThat(rotation.status().remaining()).isEqualTo(5);
            assertThat(rotation.status().run().startedAt()).isNull();

            assertThat(rotation.start().running()).isTrue();
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(rotation::start).isInstanceOf(KeyRotation.AlreadyRunningException.class)
                    .hasMessageContaining("already going on");
            assertThat(rotation.status().run().running()).isTrue();
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> !rotation.status().run().running());
            KeyRotation.Status done = rotation.status();
            assertThat(done.remaining()).isZero();
            assertThat(done.run().failure()).isNull();
            assertThat(done.run().result().get("hub.cases.crypto").moved()).isEqualTo(5);
            assertThat(done.keys()).singleElement().satisfies(k -> {
                assertThat(k.currentKeyId()).isEqualTo(FieldCipher.keyId(B));
                assertThat(k.retiredKeyIds()).containsExactly(FieldCipher.keyId(A));
            });
            assertThat(rotation.start().running()).as("a finished run may be started again").isTrue();
        }
    }
}
