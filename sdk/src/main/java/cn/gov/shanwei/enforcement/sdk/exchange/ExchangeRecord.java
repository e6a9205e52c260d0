package cn.gov.shanwei.enforcement.sdk.exchange;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One enforcement record in the province's envelope: your stable id, its type and version, when it last changed,
 * whether this version withdraws it, and the type's fields ({@code data}, checked by the hub against the
 * province's JSON Schema of the type). A correction is a new version of the same id.
 *
 * @param recordId  your stable id, 1–64 letters, digits or {@code . _ : -}
 * @param type      the record's type
 * @param version   1, 2, …
 * @param updatedAt when your record last changed
 * @param deleted   whether this version withdraws the record
 * @param data      the type's fields (copied; values are strings, numbers, booleans, lists and maps)
 */
public record ExchangeRecord(String recordId, RecordType type, int version, Instant updatedAt, boolean deleted,
                             Map<String, Object> data) {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    /** Validates the record; a bad one is never sent. */
    public ExchangeRecord {
        List<FieldError> errors = new ArrayList<>();
        if (recordId == null || !ID.matcher(recordId).matches()) {
            errors.add(new FieldError("recordId", "must be 1-64 letters, digits or . _ : -"));
        }
        if (type == null) {
            errors.add(new FieldError("recordType", "is required"));
        }
        if (version < 1) {
            errors.add(new FieldError("version", "must be 1 or more"));
        }
        if (updatedAt == null) {
            errors.add(new FieldError("updatedAt", "is required"));
        }
        if (data == null || data.isEmpty()) {
            errors.add(new FieldError("data", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.clientSide(errors);
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A first version that is not a withdrawal. */
    public static ExchangeRecord of(String recordId, RecordType type, Instant updatedAt, Map<String, Object> data) {
        return new ExchangeRecord(recordId, type, 1, updatedAt, false, data);
    }
}
