package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} of the staff API's creation calls (ADR 0519): the key, the request's SM3 and the id of
 * what was created are written in the creating transaction (table {@code staff_creation_key}, V90), so a resent
 * request — the answer was lost on the way, the SDK retried — answers what the first one created instead of
 * registering a second lead, measure or inspection. Keys are the officer's own: another officer's equal key is
 * another key. Without a key a call creates, as before.
 */
@Component
public class StaffCreations {

    /** What the API documentation says of the header on a creation call. */
    public static final String KEY_DOC = "Idempotency-Key (optional, your own per request): a resent request with the "
            + "same key and body answers what the first one created (201) instead of creating again; with another "
            + "body, 409 IDEMPOTENCY_KEY_REUSED; while the first is still being handled, 409 (send again).";

    private static final Logger LOG = LoggerFactory.getLogger(StaffCreations.class);

    /** How often a creation is tried again after the database did not give a lock in time. */
    static final int BUSY_RETRIES = 1;

    /** The longest key accepted. */
    static final int MAX_KEY = 128;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    public StaffCreations(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tx = new TransactionTemplate(Objects.requireNonNull(transactions, "transactions"));
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A key used for another request (another body or another kind of creation). */
    public static final class KeyReusedException extends RuntimeException {
        KeyReusedException(String message) {
            super(message);
        }
    }

    /** The same key is being used by a request still in progress: try again (the SDK does). */
    public static final class InProgressException extends RuntimeException {
        InProgressException(String message) {
            super(message);
        }
    }

    /**
     * Creates with {@code create}, once per officer and key.
     *
     * @param kind    what is created (lead, measure, …), part of what the key stands for
     * @param body    the request body, whose SM3 the key is bound to
     * @param idOf    the id of what {@code create} made
     * @param earlier what a resent request answers: the thing created before, read now
     * @throws KeyReusedException  the key was used for another request
     * @throws InProgressException a request with the same key is being handled at this moment
     */
    public <T> T create(Actor actor, String key, String kind, Object body, Supplier<T> create,
                        Function<T, UUID> idOf, Function<UUID, T> earlier) {
        if (key == null) {
            return againWhenBusy(create);
        }
        if (key.isBlank() || key.length() > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
            throw new DomainValidationException("Idempotency-Key", "must be 1 to " + MAX_KEY + " printable characters");
        }
        String officer = actor.officer().id().value();
        String digest = Sm3.ofUtf8(kind + "\n" + canonical(body)).hex();
        return againWhenBusy(() -> tx.execute(status -> {
            Optional<Earlier> before = jdbc.sql("SELECT kind, request_sm3, created_id FROM staff_creation_key"
                            + " WHERE officer_id = :officer AND idempotency_key = :key")
                    .param("officer", officer).param("key", key)
                    .query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2).trim(),
                            rs.getObject(3, UUID.class))).optional();
            if (before.isPresent()) {
                if (!before.get().kind().equals(kind) || !before.get().requestSm3().equals(digest)) {
                    throw new KeyReusedException("This Idempotency-Key was used for another request ("
                            + before.get().kind() + "); use a new key for a new " + kind);
                }
                return earlier.apply(before.get().createdId());
            }
            T created = create.get();
            try {
                jdbc.sql("INSERT INTO staff_creation_key (officer_id, idempotency_key, kind, request_sm3,"
                                + " created_id, created_at) VALUES (:officer, :key, :kind, :sm3, :id, :at)")
                        .param("officer", officer).param("key", key).param("kind", kind).param("sm3", digest)
                        .param("id", idOf.apply(created)).param("at", Timestamp.from(clock.instant()))
                        .update();
            } catch (DuplicateKeyException concurrent) {
                // A twin committed the key first: this creation is rolled back with the exception.
                throw new InProgressException("A request with this Idempotency-Key is being handled; send it again");
            }
            return created;
        }));
    }

    /**
     * Runs {@code attempt} — one whole transaction of its own — once more when the database did not give a lock in
     * time (most often the subject's case number counter, which its creations take in turn; ADR 0521). The
     * failed transaction rolled back entirely, so the second attempt repeats nothing; if it fails too, the caller
     * answers 503 {@code BUSY_RETRY}. Inside a transaction begun by someone else it is not tried again: that one is
     * spoiled. Nor when the pool gave no connection in time: the second attempt would wait the whole
     * {@code connection-timeout} again behind the same holders, doubling the caller's wait for the same 503.
     */
    private <T> T againWhenBusy(Supplier<T> attempt) {
        for (int retries = 0; ; retries++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (retries >= BUSY_RETRIES || !DatabaseBusy.isLockBusy(e) || DatabaseBusy.isPoolExhausted(e)
                        || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
                LOG.info("A creation met a busy database ({}); trying it once more", DatabaseBusy.describe(e));
            }
        }
    }

    private record Earlier(String kind, String requestSm3, UUID createdId) {
    }

    private String canonical(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that was read could not be written back", e);
        }
    }
}
