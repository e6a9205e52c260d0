package cn.gov.shanwei.enforcement.adapters.licence;

import java.time.Instant;
import java.util.Objects;

/**
 * The province's acknowledgement of a usage record (用证记录).
 *
 * @param usageRecordId the province's id of the record
 * @param recordedAt    when it was recorded
 */
public record UsageReceipt(String usageRecordId, Instant recordedAt) {

    public UsageReceipt {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
