package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.OutboxRejectedException;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox over table {@code outbox_message} (Flyway V10). Joins the caller's transaction (it refuses to run
 * without one: an entry written on its own could exist for a change that rolled back) and wakes the relay once
 * that transaction commits.
 */
public class JdbcOutbox implements Outbox {

    private static final int MAX_BUSINESS_KEY = 128;
    private static final int MAX_ORDERING_KEY = 128;

    private final JdbcClient jdbc;
    private final Set<ProviderOperation> operations;
    private final RelayTrigger trigger;
    private final Clock clock;

    /**
     * @param operations the operations a handler exists for; others are refused
     */
    public JdbcOutbox(JdbcClient jdbc, Set<ProviderOperation> operations, RelayTrigger trigger, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.operations = Set.copyOf(operations);
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long enqueue(ProviderOperation operation, String businessKey, String payload, CallContext context) {
        validate(operation, businessKey, payload, context);
        Optional<Long> existing = sameEntry(operation, businessKey, payload, context.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_message (operation, idempotency_key, business_key, ordering_key, payload,
                    calling_system, officer_id, case_number, matter_code, trace_id, state, attempts, created_at)
                VALUES (:operation, :key, :businessKey, :orderingKey, :payload, :callingSystem, :officerId,
                    :caseNumber, :matterCode, :traceId, 'PENDING', 0, :now)
                """)
                .param("operation", operation.id())
                .param("key", context.idempotencyKey())
                .param("businessKey", businessKey)
                .param("orderingKey", orderingKey(operation, businessKey, context))
                .param("payload", payload)
                .param("callingSystem", context.callingSystem())
                .param("officerId", context.officerId())
                .param("caseNumber", context.caseNumber())
                .param("matterCode", context.matterCode())
                .param("traceId", context.traceId())
                .param("now", Timestamp.from(clock.instant()))
                .update(keys, "id");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                trigger.signal();
            }
        });
        return Objects.requireNonNull(keys.getKeyAs(Number.class), "generated id").longValue();
    }

    /**
     * Effects of one case at one provider go in order; an effect without a case waits for nothing; webhook events go
     * in order per client and resource. A case is a calling system's case: two systems that happen to use the same
     * case number never wait for each other (nor does a dead-lettered effect of one hold back the other's). The key
     * is per
     * provider (ADR 0401): a case's effects at different providers are independent of each other (the seal of its
     * decision does not wait for its record to reach the big-data centre), so one provider's outage or a dead-lettered
     * effect holds back only that case's later effects at the same provider.
     */
    static String orderingKey(ProviderOperation operation, String businessKey, CallContext context) {
        if (operation.provider() == Provider.WEBHOOK) {
            // A client's events about one resource (e.g. a notice issued, then paid) reach it in order; another
            // client, or another resource, never waits for them (ADR 0913).
            String key = "hook:" + context.callingSystem() + ":" + businessKey;
            return key.length() <= MAX_ORDERING_KEY ? key : "hook:" + Sm3.ofUtf8(key).hex();
        }
        if (context.caseNumber() == null) {
            return "key:" + context.idempotencyKey();
        }
        String key = "case:" + context.callingSystem() + ":" + context.caseNumber() + "@" + operation.provider().code();
        return key.length() <= MAX_ORDERING_KEY ? key : "case:" + Sm3.ofUtf8(key).hex();
    }

    private void validate(ProviderOperation operation, String businessKey, String payload, CallContext context) {
        if (operation == null || !operations.contains(operation)) {
            throw new OutboxRejectedException("operation", "No durable operation " + operation + " is configured;"
                    + " known: " + operations.stream().map(ProviderOperation::id).sorted().toList());
        }
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > MAX_BUSINESS_KEY
                || businessKey.chars().anyMatch(Character::isISOControl)) {
            throw new OutboxRejectedException("businessKey",
                    "businessKey must be 1 to " + MAX_BUSINESS_KEY + " printable characters");
        }
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new OutboxRejectedException("payload", "payload is required and at most " + MAX_PAYLOAD_CHARS
                    + " characters");
        }
        if (context == null) {
            throw new OutboxRejectedException("context", "context is required");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new OutboxRejectedException("transaction", "Outbox.enqueue must run inside the use case's"
                    + " transaction, so the side effect exists only if the state change commits");
        }
    }

    private Optional<Long> sameEntry(ProviderOperation operation, String businessKey, String payload, String key) {
        return jdbc.sql("SELECT id, operation, business_key, payload FROM outbox_message WHERE idempotency_key = ?")
                .param(key)
                .query((rs, row) -> {
                    boolean same = rs.getString("operation").equals(operation.id())
                            && rs.getString("business_key").equals(businessKey)
                            && rs.getString("payload").equals(payload);
                    if (!same) {
                        throw new OutboxRejectedException("idempotencyKey", "Idempotency key " + key
                                + " was already used for a different side effect");
                    }
                    return rs.getLong("id");
                })
                .optional();
    }
}
