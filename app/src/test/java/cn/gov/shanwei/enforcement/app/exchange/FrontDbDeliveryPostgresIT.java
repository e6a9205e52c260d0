package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The 前置库 mode on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema. */
class FrontDbDeliveryPostgresIT extends FrontDbDeliveryContract {

    @Override
    ExchangeDatabase database() {
        return ExchangeDatabase.postgres();
    }

    @Test
    void aLockedFrontTable_failsThePushWithinTheTimeout_andTheNextPushGoesThrough() throws Exception {
        // PostgreSQL waits for a lock for ever unless told otherwise: the push's statements carry the timeout.
        FrontDbDelivery bounded = new FrontDbDelivery(db.dataSource, CLOCK, Duration.ofSeconds(1));
        try (Connection holder = db.dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE exchange_front_record IN ACCESS EXCLUSIVE MODE");

            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> bounded.deliver(
                    new PushBatch("b-locked", List.of(inspection("i-locked", 1, "441502"))))));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            holder.rollback();
        }

        assertThat(bounded.deliver(new PushBatch("b-locked", List.of(inspection("i-locked", 1, "441502")))))
                .extracting(RecordDelivery.Answer::status).containsExactly(RecordStatus.HANDED_OVER);
        assertThat(db.jdbc.sql("SELECT count(*) FROM exchange_front_record").query(Long.class).single())
                .isEqualTo(1);
    }
}
