package cn.gov.shanwei.enforcement.app.ops;

import java.time.Instant;
import java.util.Map;

/**
 * A message in an operation's dead-letter queue, with what the outbox knows about it.
 *
 * @param operation       the operation id, e.g. {@code licence.usage-record}
 * @param idempotencyKey  the side effect's key: how ops name it in replay and discard
 * @param businessKey     our key of the effect at the provider
 * @param caseNumber      the case it belongs to, if any
 * @param state           the outbox state (e.g. {@code REJECTED} after a provider refusal, {@code ATTEMPTING} when
 *                        the last attempts ended without an answer)
 * @param attempts        attempts counted by the hub
 * @param lastError       the last failure, as the hub recorded it
 * @param lastAttemptAt   when the last attempt started
 * @param acceptedAt      when the use case committed it
 * @param payload         the operation's input; only in the single-message view
 * @param properties      the message's properties; only in the single-message view
 */
public record DeadLetter(String operation, String idempotencyKey, String businessKey, String caseNumber,
                         String state, Integer attempts, String lastError, Instant lastAttemptAt,
                         Instant acceptedAt, String payload, Map<String, String> properties) {

    DeadLetter summary() {
        return new DeadLetter(operation, idempotencyKey, businessKey, caseNumber, state, attempts, lastError,
                lastAttemptAt, acceptedAt, null, null);
    }
}
