package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pushes enforcement records to the data-sharing exchange in service mode (assumed contract
 * {@code contracts/exchange/exchange-v1.yaml}): {@code POST {endpoint}/batches} with the batch id as
 * {@code Idempotency-Key}. Every record is checked against its type's JSON Schema first; one bad record refuses
 * the whole batch with an {@link AdapterValidationException} naming it, and nothing is sent. The answer must carry
 * exactly one result per record sent.
 *
 * <p>A push is safe to retry with the same batch id (the exchange answers a resend with its earlier results).
 * Thread-safe; one instance per endpoint.
 */
public final class ExchangeClient implements AutoCloseable {

    /** Provider code carried by this client's exceptions. */
    public static final String PROVIDER = "exchange";
    /** Operation name of {@link #push}. */
    public static final String PUSH = "push";

    private final RestTransport transport;
    private final RecordSchemas schemas;

    private ExchangeClient(RestTransport transport, RecordSchemas schemas) {
        this.transport = transport;
        this.schemas = schemas;
    }

    /** Starts a builder; {@code endpoint}, {@code signer} and {@code schemas} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates and pushes one batch.
     *
     * @return the exchange's result for every record
     * @throws AdapterValidationException naming the first record that breaks its schema; nothing was sent
     */
    public BatchResult push(PushBatch batch) {
        if (batch == null) {
            throw new AdapterValidationException(PROVIDER, PUSH, "batch", "is required");
        }
        for (ExchangeRecord record : batch.records()) {
            List<String> problems = schemas.problems(record);
            if (!problems.isEmpty()) {
                throw new AdapterValidationException(PROVIDER, PUSH, "records[" + record.recordId() + "]",
                        "breaks the " + record.type() + " schema: " + String.join("; ", problems));
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("batchId", batch.batchId());
        ArrayNode records = body.putArray("records");
        batch.records().forEach(r -> records.add(r.toJson()));
        JsonNode answer = transport.postJson(PUSH, "/batches", body, Map.of("Idempotency-Key", batch.batchId()));
        return result(batch, answer);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ExchangeClient[" + transport + "]";
    }

    private static BatchResult result(PushBatch batch, JsonNode answer) {
        JsonFields json = new JsonFields(PROVIDER, PUSH);
        if (!batch.batchId().equals(json.text(answer, "batchId", 64))) {
            throw json.invalid("batchId is not the one sent");
        }
        JsonNode results = json.array(answer, "results", PushBatch.MAX_RECORDS);
        if (results.size() != batch.records().size()) {
            throw json.invalid(results.size() + " results for " + batch.records().size() + " records");
        }
        List<RecordResult> mapped = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            String id = json.text(r, "recordId", 64);
            if (!Objects.equals(id, batch.records().get(i).recordId())) {
                throw json.invalid("result " + i + " is for " + id + ", not " + batch.records().get(i).recordId());
            }
            RecordResult.Status status = json.enumValue(r, "status", RecordResult.Status.class);
            boolean rejected = status == RecordResult.Status.REJECTED;
            mapped.add(new RecordResult(id, status, rejected ? json.text(r, "code", 64) : null,
                    rejected ? json.optional(r, "message", 500) : null));
        }
        return new BatchResult(batch.batchId(), mapped);
    }

    /** Builds an {@link ExchangeClient}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        /** Default response size limit: per-record results of a full batch. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

        private RecordSchemas schemas;

        private Builder() {
            super(DEFAULT_MAX_RESPONSE_BYTES);
        }

        /** The record types' JSON Schemas; required. */
        public Builder schemas(RecordSchemas schemas) {
            this.schemas = schemas;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public ExchangeClient build() {
            if (schemas == null) {
                throw new IllegalArgumentException("schemas are required: records are validated before sending");
            }
            return new ExchangeClient(transport(PROVIDER), schemas);
        }
    }
}
