package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentResultStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PaymentResultStore} over {@code payment_result} (V60): the notice number is the primary key, so a
 * notice's result is recorded once however many callbacks race; runs in the caller's transaction.
 */
public class JdbcPaymentResultStore implements PaymentResultStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcPaymentResultStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Recorded recordFirst(PaymentResult result) {
        int inserted = jdbc.sql("""
                        INSERT INTO payment_result (notice_number, paid_fen, paid_at, channel, transaction_id,
                            received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(result.noticeNumber(), result.paidFen(), Timestamp.from(result.paidAt()), result.channel(),
                        result.transactionId(), Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            return new Recorded(result, true);
        }
        return new Recorded(find(result.noticeNumber()).orElseThrow(() -> new IllegalStateException(
                "payment result of " + result.noticeNumber() + " neither inserted nor found")), false);
    }

    /** The recorded result of a notice, if any. */
    public Optional<PaymentResult> find(String noticeNumber) {
        return jdbc.sql("SELECT notice_number, paid_fen, paid_at, channel, transaction_id FROM payment_result"
                        + " WHERE notice_number = ?").param(noticeNumber)
                .query((rs, n) -> new PaymentResult(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5))).optional();
    }
}
