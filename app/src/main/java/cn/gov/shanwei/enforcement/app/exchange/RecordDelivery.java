package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a batch reaches the province in the configured exchange mode ({@code hub.exchange.mode}, ADR 0311). Every
 * implementation is safe to call again with the same batch after an unknown outcome: the exchange answers a resent
 * batch id with its first answer, a written batch file is found and verified instead of rewritten, a 前置库 row of
 * the same version and content is recognised.
 */
public interface RecordDelivery {

    /** The mode this delivery implements. */
    ExchangeProperties.Mode mode();

    /**
     * Delivers the batch.
     *
     * @return one answer per record, in the batch's order
     * @throws RuntimeException the adapter's exceptions: a refusal is final, anything else is retried
     */
    List<Answer> deliver(PushBatch batch);

    /** The collector's later answer for a record handed over (front-db mode); empty if none or not applicable. */
    default Optional<Answer> laterAnswer(String recordId, int version) {
        return Optional.empty();
    }

    /**
     * The answer for one record.
     *
     * @param recordId the record
     * @param status   what became of it
     * @param code     the refusal's code when {@link RecordStatus#REJECTED}
     * @param message  the refusal's words
     */
    record Answer(String recordId, RecordStatus status, String code, String message) {

        public Answer {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(status, "status");
        }
    }
}
