package cn.gov.shanwei.enforcement.sdk.exchange;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Records to push to the province's big-data centre through the hub, for a stated legal purpose.
 *
 * @param matterCode enforcement matter code (事项编码) the records belong to; required
 * @param caseNumber case number (案件编号); optional
 * @param officerId  officer (执法人员) who reports; optional
 * @param records    1 to {@value #MAX_RECORDS} records, each id at most once
 */
public record PushRecordsRequest(String matterCode, String caseNumber, String officerId,
                                 List<ExchangeRecord> records) {

    /** Most records in one request. */
    public static final int MAX_RECORDS = 100;

    /** Validates the request; an invalid one is never sent. */
    public PushRecordsRequest {
        List<FieldError> errors = new ArrayList<>();
        if (matterCode == null || matterCode.isBlank() || matterCode.length() > 64) {
            errors.add(new FieldError("purpose.matterCode", "is required, at most 64 characters"));
        }
        if (caseNumber != null && caseNumber.length() > 64) {
            errors.add(new FieldError("purpose.caseNumber", "is longer than 64 characters"));
        }
        if (officerId != null && officerId.length() > 64) {
            errors.add(new FieldError("purpose.officerId", "is longer than 64 characters"));
        }
        if (records == null || records.isEmpty() || records.size() > MAX_RECORDS) {
            errors.add(new FieldError("records", "must hold 1 to " + MAX_RECORDS + " records"));
        } else if (records.stream().map(ExchangeRecord::recordId).distinct().count() != records.size()) {
            errors.add(new FieldError("records", "hold a record id twice"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.clientSide(errors);
        }
        records = List.copyOf(records);
    }

    /** A request with only the required parts. */
    public static PushRecordsRequest of(String matterCode, List<ExchangeRecord> records) {
        return new PushRecordsRequest(matterCode, null, null, records);
    }
}
