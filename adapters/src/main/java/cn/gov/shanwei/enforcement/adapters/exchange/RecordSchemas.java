package cn.gov.shanwei.enforcement.adapters.exchange;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON Schemas of the record types (draft 2020-12), compiled once. They are configuration, not code: the app
 * loads {@code contracts/exchange/*-record.schema.json} from the contracts module (or the province's published
 * schemas) and hands their text here, so a changed standard needs no release of the adapter.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordSchemas {

    private final Map<RecordType, Schema> schemas;

    private RecordSchemas(Map<RecordType, Schema> schemas) {
        this.schemas = schemas;
    }

    /**
     * Compiles one schema per record type.
     *
     * @param schemaTexts the JSON text of each type's schema; every type is required
     * @throws IllegalArgumentException if a type is missing or a schema does not compile
     */
    public static RecordSchemas of(Map<RecordType, String> schemaTexts) {
        Objects.requireNonNull(schemaTexts, "schemaTexts");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<RecordType, Schema> compiled = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            String text = schemaTexts.get(type);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a JSON Schema for " + type + " records is required");
            }
            try {
                Schema schema = registry.getSchema(text, InputFormat.JSON);
                schema.initializeValidators();
                compiled.put(type, schema);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the JSON Schema for " + type + " does not compile: "
                        + e.getMessage(), e);
            }
        }
        return new RecordSchemas(compiled);
    }

    /** What is wrong with a record's data under its type's schema, as {@code /field: message}; empty when valid. */
    public List<String> problems(ExchangeRecord record) {
        List<Error> errors = schemas.get(record.type()).validate(record.data());
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
