package cn.gov.shanwei.enforcement.adapters.exchange;

import java.util.List;
import java.util.Objects;

/**
 * The exchange's answer to a batch: one result per record sent, in the order sent.
 *
 * @param batchId the batch
 * @param results per-record results
 */
public record BatchResult(String batchId, List<RecordResult> results) {

    public BatchResult {
        Objects.requireNonNull(batchId, "batchId");
        results = List.copyOf(results);
    }

    /** The records the exchange refused (the caller must not mark them as delivered). */
    public List<RecordResult> rejected() {
        return results.stream().filter(r -> r.status() == RecordResult.Status.REJECTED).toList();
    }

    /** Whether every record is now stored at the exchange (accepted now or before). */
    public boolean allStored() {
        return rejected().isEmpty();
    }
}
