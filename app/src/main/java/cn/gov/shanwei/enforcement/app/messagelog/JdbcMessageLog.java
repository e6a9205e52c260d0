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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The {@link MessageLog} in the hub's database: each exchange becomes the next entry of the SM3 chain, its bodies
 * SM4-encrypted with {@link FieldCipher} where {@code hub.message-log.keep-bodies-for} keeps them. Appends are
 * serialised (in this process by the {@link GroupCommit}, across hub instances by the row lock on
 * {@code message_log_ends}); an entry and the chain's head are written in one transaction, which the appends waiting
 * at that moment share (group commit, ADR 0406); an append returns once its entry is committed.
 */
public class JdbcMessageLog implements MessageLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMessageLog.class);

    private final JdbcClient jdbc;
    private final GroupCommit commits;
    private final FieldCipher cipher;
    private final MessageLogProperties policy;
    private final Clock clock;
    private final Counter failures;

    /**
     * @param commits where each entry is committed; a new transaction, never the caller's (an entry records an
     *                exchange that happened, whatever the caller's transaction does)
     */
    public JdbcMessageLog(JdbcClient jdbc, GroupCommit commits, FieldCipher cipher,
                          MessageLogProperties policy, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
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
            failures.increment();
            LOG.error("Message log: could not log {}.{} of trace {}", exchange.provider().code(),
                    exchange.operation(), exchange.context().traceId(), e);
        }
    }

    /**
     * Appends the exchange and returns its entry.
     *
     * @throws RuntimeException when it could not be written
     */
    public MessageLogEntry appendOrThrow(LoggedExchange exchange) {
        boolean keep = policy.keepsBodiesOf(exchange.provider().code(), exchange.operation());
        String request = exchange.requestBody();
        String response = exchange.responseBody();
        // Encrypt before joining a commit: it is the costly part.
        String requestEnc = keep ? cipher.encrypt(request) : null;
        String responseEnc = keep ? cipher.encrypt(response) : null;
        return commits.run(() -> {
            Map<String, Object> ends = jdbc.sql("SELECT last_seq, last_hash FROM message_log_ends WHERE id = 1"
                    + " FOR UPDATE").query().singleRow();
            long seq = ((Number) ends.get("last_seq")).longValue() + 1;
            String prev = ((String) ends.get("last_hash")).trim();
            MessageLogEntry entry = new MessageLogEntry(seq, micros(clock.instant()),
                    micros(exchange.requestedAt()), micros(exchange.answeredAt()), exchange.provider().code(),
                    exchange.operation(), exchange.context().callingSystem(), exchange.context().caseNumber(),
                    exchange.context().traceId(), exchange.fault(), Sm3.ofUtf8(request).hex(),
                    response == null ? null : Sm3.ofUtf8(response).hex(), requestEnc, responseEnc, prev, null);
            String hash = entry.chainHash(prev);
            insert(entry, hash);
            jdbc.sql("UPDATE message_log_ends SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", seq).param("hash", hash).update();
            return entry;
        });
    }

    private void insert(MessageLogEntry e, String hash) {
        jdbc.sql("""
                        INSERT INTO message_log (seq, logged_at, requested_at, answered_at, provider, operation,
                            calling_system, case_number, trace_id, fault, request_digest, response_digest,
                            request_body, response_body, prev_hash, entry_hash)
                        VALUES (:seq, :loggedAt, :requestedAt, :answeredAt, :provider, :operation, :callingSystem,
                            :caseNumber, :traceId, :fault, :requestDigest, :responseDigest, :requestBody,
                            :responseBody, :prevHash, :entryHash)
                        """)
                .param("seq", e.seq())
                .param("loggedAt", Timestamp.from(e.loggedAt()))
                .param("requestedAt", Timestamp.from(e.requestedAt()))
                .param("answeredAt", e.answeredAt() == null ? null : Timestamp.from(e.answeredAt()))
                .param("provider", e.provider())
                .param("operation", e.operation())
                .param("callingSystem", e.callingSystem())
                .param("caseNumber", e.caseNumber())
                .param("traceId", e.traceId())
                .param("fault", e.fault())
                .param("requestDigest", e.requestDigest())
                .param("responseDigest", e.responseDigest())
                .param("requestBody", e.requestBody())
                .param("responseBody", e.responseBody())
                .param("prevHash", e.prevHash())
                .param("entryHash", hash)
                .update();
    }

    /** Databases keep microseconds; the hash must cover what is stored. */
    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
