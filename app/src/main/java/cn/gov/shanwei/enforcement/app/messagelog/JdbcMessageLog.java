package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link MessageLog} in the hub's database: each exchange becomes the next entry of the SM3 chain, its bodies
 * SM4-encrypted with {@link FieldCipher} where {@code hub.message-log.keep-bodies-for} keeps them. Appends are
 * serialised (in this process by the {@link GroupCommit}, across hub instances by the row lock on
 * {@code message_log_ends}); an entry and the chain's head are written in one transaction, which the appends waiting
 * at that moment share (group commit, ADR 0406); an append returns once its entry is committed, except one
 * {@linkplain #appendWithNextCommit with the next commit} (a synchronous call's, which rides with its monitoring
 * record). The durable
 * consumer writes a batch's entries in the transaction of the batch's book-keeping instead ({@link #write}).
 */
public class JdbcMessageLog implements MessageLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMessageLog.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final GroupCommit commits;
    private final FieldCipher cipher;
    private final MessageLogProperties policy;
    private final Clock clock;
    private final Counter failures;
    /** The entries of one group commit are chained in one write: one read and one update of the chain's head. */
    private final GroupCommit.Batch<Prepared> withNextCommit = this::write;

    /**
     * @param commits where each entry is committed; a new transaction, never the caller's (an entry records an
     *                exchange that happened, whatever the caller's transaction does)
     */
    public JdbcMessageLog(JdbcTemplate jdbc, GroupCommit commits, FieldCipher cipher,
                          MessageLogProperties policy, Clock clock, MeterRegistry meters) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.commits = commits;
        this.cipher = cipher;
        this.policy = policy;
        this.clock = clock;
        this.failures = Counter.builder("hub_message_log_failures")
                .description("Provincial exchanges that could not be written to the message log")
                .register(meters);
    }

    /** Appends the exchange; a failure is logged and counted, never thrown (the call itself has happened). */
    @Override
    public void append(LoggedExchange exchange) {
        try {
            appendOrThrow(exchange);
        } catch (RuntimeException e) {
            failed(exchange, e);
        }
    }

    /**
     * Appends the exchange of a synchronous call with the next group commit — the call's monitoring record, written
     * right after on the same path — instead of a commit of its own; alone after {@link #WITH_NEXT_COMMIT_WITHIN} if no
     * write comes. A failure is logged and counted, never thrown.
     */
    @Override
    public void appendWithNextCommit(LoggedExchange exchange) {
        Prepared prepared;
        try {
            prepared = prepare(exchange);
        } catch (RuntimeException e) {
            failed(exchange, e);
            return;
        }
        commits.submit(withNextCommit, prepared, WITH_NEXT_COMMIT_WITHIN).whenComplete((done, e) -> {
            if (e != null) {
                failed(exchange, e);
            }
        });
    }

    /** How long an entry appended with the next commit waits for one before it is committed alone. */
    static final Duration WITH_NEXT_COMMIT_WITHIN = Duration.ofMillis(50);

    private void failed(LoggedExchange exchange, Throwable e) {
        failures.increment();
        LOG.error("Message log: could not log {}.{} of trace {}", exchange.provider().code(),
                exchange.operation(), exchange.context().traceId(), e);
    }

    /**
     * Appends the exchange and returns its entry.
     *
     * @throws RuntimeException when it could not be written
     */
    public MessageLogEntry appendOrThrow(LoggedExchange exchange) {
        Prepared prepared = prepare(exchange);
        return commits.run(() -> write(List.of(prepared)).get(0));
    }

    /**
     * Makes an exchange ready for the chain: digests and, where policy keeps bodies, the encrypted bodies. Done
     * before joining a commit, as it is the costly part.
     */
    public Prepared prepare(LoggedExchange exchange) {
        boolean keep = policy.keepsBodiesOf(exchange.provider().code(), exchange.operation());
        String request = exchange.requestBody();
        String response = exchange.responseBody();
        return new Prepared(exchange, Sm3.ofUtf8(request).hex(),
                response == null ? null : Sm3.ofUtf8(response).hex(), keep ? cipher.encrypt(request) : null,
                keep ? cipher.encrypt(response) : null);
    }

    /**
     * Appends prepared exchanges to the chain, in order, in the caller's transaction (the durable consumer's batch
     * book-keeping shares one commit with the ledger and the monitoring records, ADR 0407). The chain's head row is
     * locked until that transaction ends.
     *
     * @return the entries written
     */
    public List<MessageLogEntry> write(List<Prepared> exchanges) {
        if (exchanges.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ends = jdbc.sql("SELECT last_seq, last_hash FROM message_log_ends WHERE id = 1"
                + " FOR UPDATE").query().singleRow();
        long seq = ((Number) ends.get("last_seq")).longValue();
        String prev = ((String) ends.get("last_hash")).trim();
        List<MessageLogEntry> entries = new ArrayList<>(exchanges.size());
        for (Prepared prepared : exchanges) {
            LoggedExchange exchange = prepared.exchange();
            seq++;
            MessageLogEntry entry = new MessageLogEntry(seq, micros(clock.instant()),
                    micros(exchange.requestedAt()), micros(exchange.answeredAt()), exchange.provider().code(),
                    exchange.operation(), exchange.context().callingSystem(), exchange.context().caseNumber(),
                    exchange.context().traceId(), exchange.fault(), prepared.requestDigest(),
                    prepared.responseDigest(), prepared.requestBody(), prepared.responseBody(), null, null)
                    .chainedTo(prev);
            entries.add(entry);
            prev = entry.entryHash();
        }
        insert(entries);
        jdbc.sql("UPDATE message_log_ends SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", prev).update();
        return entries;
    }

    /**
     * An exchange ready for the chain.
     *
     * @param requestBody  the encrypted request, null where policy keeps no body
     * @param responseBody the encrypted answer, null where none came or policy keeps no body
     */
    public record Prepared(LoggedExchange exchange, String requestDigest, String responseDigest, String requestBody,
                           String responseBody) {
    }

    private void insert(List<MessageLogEntry> entries) {
        batch.batchUpdate("""
                        INSERT INTO message_log (seq, logged_at, requested_at, answered_at, provider, operation,
                            calling_system, case_number, trace_id, fault, request_digest, response_digest,
                            request_body, response_body, prev_hash, entry_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, entries, entries.size(), (ps, e) -> {
                    ps.setLong(1, e.seq());
                    ps.setTimestamp(2, Timestamp.from(e.loggedAt()));
                    ps.setTimestamp(3, Timestamp.from(e.requestedAt()));
                    ps.setTimestamp(4, e.answeredAt() == null ? null : Timestamp.from(e.answeredAt()));
                    ps.setString(5, e.provider());
                    ps.setString(6, e.operation());
                    ps.setString(7, e.callingSystem());
                    ps.setString(8, e.caseNumber());
                    ps.setString(9, e.traceId());
                    ps.setString(10, e.fault());
                    ps.setString(11, e.requestDigest());
                    ps.setString(12, e.responseDigest());
                    ps.setString(13, e.requestBody());
                    ps.setString(14, e.responseBody());
                    ps.setString(15, e.prevHash());
                    ps.setString(16, e.entryHash());
                });
    }

    /** Databases keep microseconds; the hash must cover what is stored. */
    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
