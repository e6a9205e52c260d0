package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One service-mode push (服务接口方式): up to {@value #MAX_RECORDS} records under one idempotency key. Resending the
 * same batch id is harmless: the exchange answers it with the results it already gave.
 *
 * @param batchId the batch's idempotency key, 1–64 of letters, digits, {@code . _ : -}
 * @param records 1 to {@value #MAX_RECORDS} records, each id at most once
 */
public record PushBatch(String batchId, List<ExchangeRecord> records) {

    /** Most records in one batch. */
    public static final int MAX_RECORDS = 500;
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    /** @throws AdapterValidationException naming the bad field */
    public PushBatch {
        if (batchId == null || !ID.matcher(batchId).matches()) {
            throw invalid("batchId", "must be 1-64 letters, digits or . _ : -");
        }
        if (records == null || records.isEmpty() || records.size() > MAX_RECORDS) {
            throw invalid("records", "must hold 1 to " + MAX_RECORDS + " records");
        }
        records = List.copyOf(records);
        Set<String> ids = new HashSet<>();
        for (ExchangeRecord record : records) {
            if (!ids.add(record.recordId())) {
                throw invalid("records", "hold record " + record.recordId() + " twice");
            }
        }
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUSH, field, reason);
    }
}
