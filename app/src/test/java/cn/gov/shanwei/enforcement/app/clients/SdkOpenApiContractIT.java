package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.sdk.internal.WireContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's request and response shapes ({@link WireContract}) against the hub's own OpenAPI document
 * ({@code /v3/api-docs}): same operations, same property names both ways, compatible types, the hub's required
 * request fields all sent. A field renamed or added on either side fails here.
 */
class SdkOpenApiContractIT extends SandboxHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_DOCS = "/v3/api-docs";

    private JsonNode api;

    @BeforeEach
    void readTheHubsOpenApiDocument() throws Exception {
        // Signed, although the document is public: then it is read whatever filters guard the hub's paths.
        HttpRequest request = signedGet(endpoint(), API_DOCS);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        api = JSON.readTree(response.body());
    }

    @Test
    void everySdkOperation_matchesTheHubsOpenApiDocument() {
        List<String> mismatches = new ArrayList<>();
        for (WireContract.Operation operation : WireContract.operations()) {
            JsonNode hubOperation = api.path("paths").path(operation.path())
                    .path(operation.method().toLowerCase(Locale.ROOT));
            String where = operation.id() + " (" + operation.method() + " " + operation.path() + ")";
            if (hubOperation.isMissingNode()) {
                mismatches.add(where + ": the hub has no such operation");
                continue;
            }
            Set<String> hubQuery = parameters(hubOperation, "query");
            for (String name : operation.query()) {
                if (!hubQuery.contains(name)) {
                    mismatches.add(where + " query parameter " + name + ": sent by the SDK, unknown to the hub");
                }
            }
            Set<String> hubHeaders = parameters(hubOperation, "header");
            for (String name : operation.headers()) {
                if (!hubHeaders.contains(name)) {
                    mismatches.add(where + " header " + name + ": sent by the SDK, not taken by the hub");
                }
            }
            JsonNode requestContent = hubOperation.path("requestBody").path("content");
            JsonNode requestSchema = requestContent.path("application/json").path("schema");
            if (!operation.formFields().isEmpty()) {
                compareForm(where, operation, requestContent.path("multipart/form-data").path("schema"), hubQuery,
                        mismatches);
            } else if (operation.requestBody() == null) {
                if (!requestContent.isMissingNode()) {
                    mismatches.add(where + ": the hub takes a body, the SDK sends none");
                }
            } else {
                compare(where + " request", operation.requestBody(), requestSchema, true, mismatches);
            }
            JsonNode responses = hubOperation.path("responses");
            JsonNode ok = (responses.has("200") ? responses.path("200") : responses.has("201") ? responses.path("201")
                    : responses.path("202")).path("content");
            if (operation.responseMedia() != null) {
                // A download: the hub names its media type, or leaves it to the answer (*/*).
                if (!ok.has(operation.responseMedia()) && !ok.has("*/*")) {
                    mismatches.add(where + ": the SDK downloads " + operation.responseMedia() + ", the hub answers "
                            + ok.fieldNames().next());
                }
                continue;
            }
            JsonNode responseSchema = ok.has("application/json") ? ok.path("application/json").path("schema")
                    : ok.path("*/*").path("schema");
            if (operation.listResponse()) {
                JsonNode list = resolve(responseSchema);
                if (!"array".equals(list.path("type").asText())) {
                    mismatches.add(where + " response: the SDK reads a list, the hub declares " + list);
                    continue;
                }
                responseSchema = list.path("items");
            }
            compare(where + " response", operation.responseBody(), responseSchema, false, mismatches);
        }
        assertThat(mismatches).as("SDK and hub disagree").isEmpty();
    }

    @Test
    void everyCaseStep_isInTheSdk() {
        // The reverse check for the case platform: each of the hub's staff case operations has its SDK operation.
        Set<String> sdk = new TreeSet<>();
        WireContract.operations().forEach(o -> sdk.add(o.method() + " " + o.path()));
        List<String> missing = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().matches("/api/v1/cases/(penalties|coercive-measures|inspections)(/.*)?")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    String operation = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                    if (!sdk.contains(operation)) {
                        missing.add(operation);
                    }
                });
            }
        });
        assertThat(missing).as("hub operations of the case platform without an SDK operation").isEmpty();
    }

    private static Set<String> parameters(JsonNode operation, String in) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> {
            if (in.equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        });
        return names;
    }

    // A form: the file part and each field the SDK sends must be in the hub's form (or, as springdoc may show
    // @RequestParam fields, among its query parameters); every field the hub requires must be sent.
    private void compareForm(String where, WireContract.Operation operation, JsonNode hubForm, Set<String> hubQuery,
                             List<String> mismatches) {
        JsonNode form = resolve(hubForm);
        if (form.isMissingNode()) {
            mismatches.add(where + ": the SDK sends multipart/form-data, the hub does not take it");
            return;
        }
        Set<String> sent = new TreeSet<>(operation.formFields());
        sent.add("file");
        for (String field : sent) {
            if (!form.path("properties").has(field) && !hubQuery.contains(field)) {
                mismatches.add(where + " form field " + field + ": sent by the SDK, unknown to the hub");
            }
        }
        form.path("required").forEach(required -> {
            if (!sent.contains(required.asText())) {
                mismatches.add(where + " form field " + required.asText() + ": required by the hub, never sent");
            }
        });
        form.path("properties").fieldNames().forEachRemaining(field -> {
            if (!sent.contains(field)) {
                mismatches.add(where + " form field " + field + ": in the hub's form, not sent by the SDK");
            }
        });
    }

    @Test
    void tileProxy_isInTheHubsDocumentAsAnImage() {
        JsonNode tile = api.path("paths").path("/api/v1/geo/tiles/{layer}/{z}/{x}/{y}").path("get");

        assertThat(tile.isMissingNode()).as("the tile proxy is documented").isFalse();
        assertThat(tile.path("responses").path("200").path("content").has("image/png")).isTrue();
    }

    @Test
    void comparison_noticesAFieldTheHubDoesNotKnow() {
        List<String> mismatches = new ArrayList<>();
        JsonNode schema = resolve(api.path("paths").path("/api/v1/clients/me").path("get").path("responses")
                .path("200").path("content").path("application/json").path("schema"));

        compare("drifted", Drifted.class, schema, false, mismatches);

        assertThat(mismatches).anySatisfy(m -> assertThat(m).contains("clientIdentifier").contains("not in the hub"))
                .anySatisfy(m -> assertThat(m).contains("clientId").contains("not read by the SDK"))
                .anySatisfy(m -> assertThat(m).contains("name").contains("integer"));
    }

    /** A registration shape with one field renamed and one retyped. */
    record Drifted(String clientIdentifier, Integer name, List<Object> services, Object rateLimit) {
    }

    private void compare(String where, Class<?> sdkType, JsonNode hubSchema, boolean request,
                         List<String> mismatches) {
        JsonNode schema = resolve(hubSchema);
        if (!"object".equals(schema.path("type").asText("object")) || !sdkType.isRecord()) {
            mismatches.add(where + ": expected an object, the hub declares " + schema);
            return;
        }
        Set<String> hubFields = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(hubFields::add);
        Set<String> sdkFields = new TreeSet<>();
        for (RecordComponent component : sdkType.getRecordComponents()) {
            sdkFields.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            if (property.isMissingNode()) {
                mismatches.add(where + "." + component.getName() + ": " + (request ? "sent" : "read")
                        + " by the SDK but not in the hub's schema");
            } else {
                compareType(where + "." + component.getName(), component.getGenericType(), property, request,
                        mismatches);
            }
        }
        for (String field : hubFields) {
            if (!sdkFields.contains(field)) {
                mismatches.add(where + "." + field + ": in the hub's schema but " + (request ? "not sent" : "not read")
                        + " by the SDK");
            }
        }
        if (request) {
            for (Iterator<JsonNode> it = schema.path("required").elements(); it.hasNext(); ) {
                String required = it.next().asText();
                if (!sdkFields.contains(required)) {
                    mismatches.add(where + "." + required + ": required by the hub, never sent by the SDK");
                }
            }
        }
    }

    private void compareType(String where, Type sdkType, JsonNode hubProperty, boolean request,
                             List<String> mismatches) {
        JsonNode property = resolve(hubProperty);
        String hubType = property.path("type").asText(property.has("properties") ? "object" : "");
        String format = property.path("format").asText("");
        Class<?> raw = sdkType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) sdkType;
        String expected;
        if (raw == String.class) {
            expected = "string";
        } else if (raw == Instant.class) {
            expected = "string/date-time";
        } else if (raw == LocalDate.class) {
            expected = "string/date";
        } else if (raw == Boolean.class || raw == boolean.class) {
            expected = "boolean";
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expected = "integer";
        } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            expected = "number";
        } else if (raw == YearMonth.class) {
            expected = "string";
        } else if (Map.class.isAssignableFrom(raw)) {
            expected = "object";
        } else if (raw.isEnum()) {
            Set<String> sdkValues = new TreeSet<>();
            for (Object constant : raw.getEnumConstants()) {
                sdkValues.add(((Enum<?>) constant).name());
            }
            Set<String> hubValues = new TreeSet<>();
            property.path("enum").forEach(value -> hubValues.add(value.asText()));
            if (!"string".equals(hubType) || !sdkValues.equals(hubValues)) {
                mismatches.add(where + ": the SDK's " + raw.getSimpleName() + " has " + sdkValues
                        + ", the hub declares " + hubType + " " + hubValues);
            }
            return;
        } else if (raw == UUID.class) {
            expected = "string/uuid";
        } else if (List.class.isAssignableFrom(raw)) {
            expected = "array";
        } else if (java.util.Map.class.isAssignableFrom(raw)) {
            expected = "object";
        } else if (raw.isRecord()) {
            compare(where, raw, property, request, mismatches);
            return;
        } else {
            expected = "?" + raw.getSimpleName();
        }
        String actual = expected.contains("/") ? hubType + "/" + format : hubType;
        if (!expected.equals(actual)) {
            mismatches.add(where + ": the SDK has " + expected + ", the hub declares " + actual);
        } else if (expected.equals("array") && sdkType instanceof ParameterizedType p) {
            Type item = p.getActualTypeArguments()[0];
            if (item != Object.class) {
                compareType(where + "[]", item, property.path("items"), request, mismatches);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
