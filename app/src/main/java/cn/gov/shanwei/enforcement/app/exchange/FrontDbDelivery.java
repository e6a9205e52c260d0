package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 数据库方式 (前置库): each record version becomes a row of {@code exchange_front_record} (Flyway V46) that the
 * province's collector polls ({@code proc_status = 'NEW'}) and marks {@code ACCEPTED} or {@code REJECTED} with its code,
 * message and time. A batch is written in one transaction: all its rows or none.
 *
 * <p>The key is the record id and version, as in service mode: the same version with the same content again (a
 * resend) is recognised and answered as handed over; the same version with other content is refused
 * ({@code CONFLICT}, a final answer) — a correction is a new version. The envelope's SM3 digest is kept beside it to
 * compare without parsing.
 *
 * <p>Every wait is bounded by {@code hub.exchange.front-db.timeout}: the transaction's statements (Spring applies the
 * time left to each one as its query timeout), the read of a later answer, and — for a separate 前置库 — the wait for
 * a connection from its own small pool ({@link #pooled}). A 前置库 that is locked, hung or unreachable fails the
 * attempt as a transient failure (the broker redelivers it later); it never holds a durable consumer for ever.
 */
public class FrontDbDelivery implements RecordDelivery, AutoCloseable {

    /** The 前置库 table (Flyway V46). */
    public static final String TABLE = "exchange_front_record";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HikariDataSource ownPool;

    /**
     * @param dataSource the 前置库 (the hub's own database by default)
     * @param timeout    the longest a statement or a whole push waits (rounded up to whole seconds, JDBC's unit)
     */
    public FrontDbDelivery(DataSource dataSource, Clock clock, Duration timeout) {
        this(dataSource, clock, timeout, null);
    }

    private FrontDbDelivery(DataSource dataSource, Clock clock, Duration timeout, HikariDataSource ownPool) {
        Objects.requireNonNull(dataSource, "dataSource");
        int seconds = seconds(timeout);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(seconds);
        this.jdbc = JdbcClient.create(template);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setTimeout(seconds);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownPool = ownPool;
    }

    /**
     * A delivery to a separate 前置库 through a pool of its own: at most {@code maxConnections}, none kept while idle
     * is not needed, a connection waited for at most {@code timeout}; the hub starts even while the 前置库 is down.
     */
    public static FrontDbDelivery pooled(ExchangeProperties.FrontDb settings, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hub-front-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.timeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5_000, settings.timeout().toMillis() / 2)));
        config.setInitializationFailTimeout(-1);   // a 前置库 that is down fails pushes, not the hub's start
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // A statement's timeout is a cancel request on another connection: a network that stopped answering
            // is bounded only by the socket's own timeout (seconds), set well above any statement's.
            config.addDataSourceProperty("socketTimeout", String.valueOf(2 * seconds(settings.timeout()) + 5));
        }
        HikariDataSource pool = new HikariDataSource(config);
        return new FrontDbDelivery(pool, clock, settings.timeout(), pool);
    }

    private static int seconds(Duration timeout) {
        long millis = Objects.requireNonNull(timeout, "timeout").toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    /** Closes the pool of a separate 前置库; the hub's own database is not this delivery's to close. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public ExchangeProperties.Mode mode() {
        return ExchangeProperties.Mode.FRONT_DB;
    }

    @Override
    public List<Answer> deliver(PushBatch batch) {
        return transactions.execute(tx -> {
            List<Answer> answers = new ArrayList<>();
            for (ExchangeRecord record : batch.records()) {
                answers.add(write(batch.batchId(), record));
            }
            return answers;
        });
    }

    private Answer write(String batchId, ExchangeRecord record) {
        String envelope = RecordEnvelopes.toJson(record).toString();
        String digest = Sm3.ofUtf8(envelope).hex();
        Optional<String> earlier = jdbc.sql("SELECT data_sm3 FROM " + TABLE + " WHERE record_id = :id AND version = :v")
                .param("id", record.recordId()).param("v", record.version()).query(String.class).optional();
        if (earlier.isPresent()) {
            return earlier.get().equals(digest)
                    ? new Answer(record.recordId(), RecordStatus.HANDED_OVER, null, null)
                    : new Answer(record.recordId(), RecordStatus.REJECTED, "CONFLICT", "version "
                    + record.version() + " of " + record.recordId() + " is already in the 前置库 with other content");
        }
        if (envelope.length() > 1_000_000) {
            throw new AdapterValidationException(ExchangeClient.PROVIDER, "writeFrontDb", "records[" + record.recordId()
                    + "]", "is larger than a 前置库 row takes");
        }
        jdbc.sql("INSERT INTO " + TABLE + " (record_id, version, record_type, batch_id, data_json, data_sm3,"
                        + " update_time, delete_flag, written_at, proc_status)"
                        + " VALUES (:id, :v, :type, :batch, :data, :sm3, :updated, :deleted, :now, 'NEW')")
                .param("id", record.recordId()).param("v", record.version()).param("type", record.type().name())
                .param("batch", batchId).param("data", envelope).param("sm3", digest)
                .param("updated", Timestamp.from(record.updatedAt())).param("deleted", record.deleted() ? 1 : 0)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new Answer(record.recordId(), RecordStatus.HANDED_OVER, null, null);
    }

    /** What the province's collector wrote back into the row, once it has. */
    @Override
    public Optional<Answer> laterAnswer(String recordId, int version) {
        return jdbc.sql("SELECT proc_status, proc_code, proc_message FROM " + TABLE
                        + " WHERE record_id = :id AND version = :v AND proc_status <> 'NEW'")
                .param("id", recordId).param("v", version)
                .query((rs, n) -> new Answer(recordId, RecordStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3)))
                .optional();
    }
}
