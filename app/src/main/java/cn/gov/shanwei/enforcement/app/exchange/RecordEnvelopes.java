package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records as JSON envelopes ({@code contracts/exchange/record-envelope.schema.json}): the shape of the durable push's
 * payload and of {@code POST /api/v1/exchange/records}. Reading checks every field and names the first bad one.
 */
public final class RecordEnvelopes {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECORD_ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    private RecordEnvelopes() {
    }

    /** One envelope. */
    public static ObjectNode toJson(ExchangeRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("recordId", record.recordId());
        json.put("recordType", record.type().name());
        json.put("version", record.version());
        json.put("updatedAt", record.updatedAt().toString());
        json.put("deleted", record.deleted());
        json.set("data", record.data());
        return json;
    }

    /** The payload of a push: {@code {"records":[envelope, …]}}. */
    public static String payload(List<ExchangeRecord> records) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode array = json.putArray("records");
        records.forEach(r -> array.add(toJson(r)));
        return json.toString();
    }

    /**
     * Reads a push payload.
     *
     * @throws AdapterValidationException naming the bad field, e.g. {@code records[2].version}
     */
    public static List<ExchangeRecord> readPayload(String payload) {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw invalid("payload", "is not JSON");
        }
        return read(json == null ? null : json.get("records"), "records");
    }

    /**
     * Reads envelopes.
     *
     * @param field the name of {@code array} in error messages
     * @throws AdapterValidationException naming the bad field
     */
    public static List<ExchangeRecord> read(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw invalid(field, "must be an array of records");
        }
        List<ExchangeRecord> records = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            records.add(readOne(array.get(i), field + "[" + i + "]"));
        }
        return records;
    }

    private static ExchangeRecord readOne(JsonNode json, String at) {
        if (json == null || !json.isObject()) {
            throw invalid(at, "must be a record object");
        }
        String recordId = text(json, at, "recordId");
        if (!RECORD_ID.matcher(recordId).matches()) {
            throw invalid(at + ".recordId", "must be 1-64 letters, digits or . _ : -");
        }
        RecordType type;
        try {
            type = RecordType.valueOf(text(json, at, "recordType"));
        } catch (IllegalArgumentException e) {
            throw invalid(at + ".recordType", "must be one of PENALTY, COERCION, INSPECTION");
        }
        JsonNode version = json.get("version");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            throw invalid(at + ".version", "must be a whole number, 1 or more");
        }
        Instant updatedAt;
        try {
            updatedAt = Instant.parse(text(json, at, "updatedAt"));
        } catch (DateTimeParseException e) {
            throw invalid(at + ".updatedAt", "must be an ISO-8601 instant, e.g. 2026-11-27T08:00:00Z");
        }
        JsonNode deleted = json.get("deleted");
        if (deleted != null && !deleted.isBoolean()) {
            throw invalid(at + ".deleted", "must be true or false");
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw invalid(at + ".data", "must be an object with the record type's fields");
        }
        return new ExchangeRecord(recordId, type, version.intValue(), updatedAt,
                deleted != null && deleted.booleanValue(), (ObjectNode) data);
    }

    private static String text(JsonNode json, String at, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw invalid(at + "." + name, "is required text");
        }
        return value.textValue();
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(ExchangeClient.PROVIDER, ExchangeClient.PUSH, field, reason);
    }
}
