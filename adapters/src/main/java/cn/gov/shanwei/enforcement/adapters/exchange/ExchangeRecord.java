package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One record to push, in the envelope of {@code contracts/exchange/record-envelope.schema.json}: a stable id, its
 * type and version, the update time and delete flag (as 前置库 rows carry them), and the type's data, which
 * {@link RecordSchemas} checks against the type's schema before anything is sent.
 *
 * @param recordId  our stable id, e.g. {@code SWCQ-2026-0042:PENALTY}, 1–64 of letters, digits, {@code . _ : -}
 * @param type      the record's type
 * @param version   1, 2, … : a correction is a new version of the same id
 * @param updatedAt when our record last changed
 * @param deleted   whether this version withdraws the record
 * @param data      the type's fields (copied; the record is immutable)
 */
public record ExchangeRecord(String recordId, RecordType type, int version, Instant updatedAt, boolean deleted,
                             ObjectNode data) {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    /** @throws AdapterValidationException naming the bad field */
    public ExchangeRecord {
        if (recordId == null || !ID.matcher(recordId).matches()) {
            throw invalid("recordId", "must be 1-64 letters, digits or . _ : -");
        }
        if (type == null) {
            throw invalid("type", "is required");
        }
        if (version < 1) {
            throw invalid("version", "must be 1 or more");
        }
        if (updatedAt == null) {
            throw invalid("updatedAt", "is required");
        }
        if (data == null) {
            throw invalid("data", "is required");
        }
        data = data.deepCopy();
    }

    /** A copy of the data. */
    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }

    /** The envelope as sent. */
    JsonNode toJson() {
        ObjectNode json = data.objectNode();
        json.put("recordId", recordId);
        json.put("recordType", type.name());
        json.put("version", version);
        json.put("updatedAt", updatedAt.toString());
        json.put("deleted", deleted);
        json.set("data", data.deepCopy());
        return json;
    }

    /** Whether two records carry the same content (for duplicate detection); the copy makes equals safe. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExchangeRecord r && recordId.equals(r.recordId) && type == r.type
                && version == r.version && updatedAt.equals(r.updatedAt) && deleted == r.deleted
                && data.equals(r.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, type, version, updatedAt, deleted, data);
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUSH, field, reason);
    }
}
