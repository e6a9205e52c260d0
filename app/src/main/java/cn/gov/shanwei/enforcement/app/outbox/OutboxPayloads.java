package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of a durable operation's outbox payload, written by the use case and read back by the handler. A payload
 * that does not read is a contract break of our own making: it is refused as an {@link AdapterValidationException}
 * (final, dead-lettered for ops), never retried.
 */
public final class OutboxPayloads {

    private OutboxPayloads() {
    }

    /** The payload as JSON; {@code what} names it in the error (e.g. "payment notice"). */
    public static String write(ObjectMapper json, Object payload, String what) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + what + " payload", e);
        }
    }

    /**
     * Reads a payload of {@code type}.
     *
     * @throws AdapterValidationException (field {@code payload}) naming {@code provider}, {@code operation} and why
     */
    public static <T> T read(ObjectMapper json, String text, Class<T> type, String provider, String operation,
                             String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new AdapterValidationException(provider, operation, "payload",
                    "is not a " + what + " payload: " + e.getOriginalMessage());
        }
    }
}
