package cn.gov.shanwei.enforcement.adapters.exchange;

import java.util.Objects;

/**
 * The exchange's answer for one record of a batch.
 *
 * @param recordId the record
 * @param status   what became of it
 * @param code     the provider's reason code when {@link Status#REJECTED}, else {@code null}
 * @param message  the provider's words when rejected, else {@code null}
 */
public record RecordResult(String recordId, Status status, String code, String message) {

    public RecordResult {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(status, "status");
    }

    /** What became of a record. */
    public enum Status {
        /** Stored. */
        ACCEPTED,
        /** Already stored with the same content: nothing changed (a resend). */
        DUPLICATE,
        /** Refused; fix and push a new version. Not retryable as is. */
        REJECTED
    }
}
