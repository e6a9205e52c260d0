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
import java.util.Optional;

/**
 * Pushes enforcement records to the data-sharing exchange in service mode, and publishes / withdraws penalty
 * decisions (双公示, {@link #publish}, {@link #withdraw}, read back with {@link #findPublication}). Service mode (assumed contract
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
    /** Operation name of {@link #publish}. */
    public static final String PUBLISH = "publish";
    /** Operation name of {@link #withdraw}. */
    public static final String WITHDRAW = "withdraw";
    /** Operation name of {@link #findPublication}. */
    public static final String FIND_PUBLICATION = "findPublication";
    /** The provider's code for "no such publication". */
    public static final String NO_RESULT = "NO_RESULT";

    private static final java.util.regex.Pattern PUBLICATION_ID = java.util.regex.Pattern.compile("[0-9A-Za-z._:-]{1,64}");

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

    /**
     * Publishes a penalty decision (双公示, within 7 working days of the decision). The fields are the penalty
     * record's ({@code penalty-record.schema.json}: decision number, category, facts, legal basis, party, USCC, legal
     * representative, result, date, authority) and are checked against that schema first — so no personal id number
     * can be published. Publishing the same id again is answered with the existing publication.
     *
     * @param publicationId our key, 1–64 of letters, digits, {@code . _ : -}
     * @throws AdapterValidationException if the fields break the schema; nothing is sent
     */
    public Publication publish(String publicationId, ObjectNode penaltyFields) {
        requirePublicationId(PUBLISH, publicationId);
        ExchangeRecord asRecord = new ExchangeRecord(publicationId, RecordType.PENALTY, 1, java.time.Instant.EPOCH,
                false, Objects.requireNonNull(penaltyFields, "penaltyFields"));
        List<String> problems = schemas.problems(asRecord);
        if (!problems.isEmpty()) {
            throw new AdapterValidationException(PROVIDER, PUBLISH, "penaltyFields",
                    "break the PENALTY schema: " + String.join("; ", problems));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("publicationId", publicationId);
        body.set("decision", asRecord.data());
        return publication(PUBLISH, publicationId, transport.postJson(PUBLISH, "/publications", body,
                Map.of("Idempotency-Key", publicationId)), Publication.Status.PUBLISHED);
    }

    /**
     * Withdraws a publication (撤销公示) because the decision was changed or revoked.
     *
     * @param reason why, 1–500 characters
     */
    public Publication withdraw(String publicationId, String reason) {
        requirePublicationId(WITHDRAW, publicationId);
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new AdapterValidationException(PROVIDER, WITHDRAW, "reason", "must be 1-500 characters");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("reason", reason.strip());
        return publication(WITHDRAW, publicationId, transport.postJson(WITHDRAW,
                "/publications/" + publicationId + "/withdrawal", body, Map.of("Idempotency-Key",
                        publicationId + ":withdrawal")), Publication.Status.WITHDRAWN);
    }

    /**
     * Reads a publication by our id (reconcile before retry: did an earlier publish take effect?).
     *
     * @return the publication, or empty if the exchange has none under {@code publicationId}
     */
    public Optional<Publication> findPublication(String publicationId) {
        requirePublicationId(FIND_PUBLICATION, publicationId);
        return RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> {
            JsonNode answer = transport.getJson(FIND_PUBLICATION, "/publications/" + publicationId);
            JsonFields json = new JsonFields(PROVIDER, FIND_PUBLICATION);
            if (!publicationId.equals(json.text(answer, "publicationId", 64))) {
                throw json.invalid("publicationId is not the one asked for");
            }
            return new Publication(publicationId, json.enumValue(answer, "status", Publication.Status.class),
                    json.instant(answer, "changedAt"));
        });
    }

    private static void requirePublicationId(String operation, String publicationId) {
        if (publicationId == null || !PUBLICATION_ID.matcher(publicationId).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "publicationId",
                    "must be 1-64 letters, digits or . _ : -");
        }
    }

    private static Publication publication(String operation, String publicationId, JsonNode answer,
                                           Publication.Status expected) {
        JsonFields json = new JsonFields(PROVIDER, operation);
        if (!publicationId.equals(json.text(answer, "publicationId", 64))) {
            throw json.invalid("publicationId is not the one sent");
        }
        Publication.Status status = json.enumValue(answer, "status", Publication.Status.class);
        if (status != expected) {
            throw json.invalid("status is " + status + ", expected " + expected);
        }
        return new Publication(publicationId, status, json.instant(answer, "changedAt"));
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
