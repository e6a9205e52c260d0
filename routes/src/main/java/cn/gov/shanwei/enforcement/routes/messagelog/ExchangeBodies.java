package cn.gov.shanwei.enforcement.routes.messagelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Renders the adapter's request and result objects as the text the message log keeps: JSON with the properties in
 * alphabetical order and dates as ISO-8601, so that the same exchange always gives the same text and digest.
 * Nothing is masked here: the log keeps what was exchanged, and the application encrypts it at rest.
 */
public final class ExchangeBodies {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ExchangeBodies() {
    }

    /** The canonical text of {@code body}; a {@link String} is kept as it is. */
    public static String of(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
