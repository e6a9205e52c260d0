package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.domain.call.CallContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The wire form of a {@link DurableCall} on its queue: the payload is the text body, everything else is a JMS
 * string property (names are plain identifiers so every JMS client and Camel's header mapping keep them).
 * {@code JMSXGroupID} carries the ordering key, so the broker hands messages of one case to one consumer at a time.
 */
public final class DurableMessage {

    public static final String OPERATION = "hubOperation";
    public static final String IDEMPOTENCY_KEY = "hubIdempotencyKey";
    public static final String BUSINESS_KEY = "hubBusinessKey";
    public static final String CALLING_SYSTEM = "hubCallingSystem";
    public static final String OFFICER_ID = "hubOfficerId";
    public static final String CASE_NUMBER = "hubCaseNumber";
    public static final String MATTER_CODE = "hubMatterCode";
    public static final String TRACE_ID = "hubTraceId";
    /** JMS message group: the broker delivers a group's messages to one consumer, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Set by the broker: 1 on the first delivery. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private DurableMessage() {
    }

    /** The string properties a message for {@code call} carries (null values left out). */
    public static Map<String, String> properties(ProviderOperation operation, String businessKey,
                                                 String orderingKey, CallContext context) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(OPERATION, operation.id());
        properties.put(IDEMPOTENCY_KEY, context.idempotencyKey());
        properties.put(BUSINESS_KEY, businessKey);
        properties.put(CALLING_SYSTEM, context.callingSystem());
        properties.put(MATTER_CODE, context.matterCode());
        properties.put(TRACE_ID, context.traceId());
        properties.put(GROUP_ID, Objects.requireNonNull(orderingKey, "orderingKey"));
        if (context.officerId() != null) {
            properties.put(OFFICER_ID, context.officerId());
        }
        if (context.caseNumber() != null) {
            properties.put(CASE_NUMBER, context.caseNumber());
        }
        return properties;
    }

    /**
     * Reads a call back from a message's properties.
     *
     * @param property the message's property by name (null when absent)
     * @throws IllegalArgumentException if a required property is missing or the message is for another operation
     */
    public static DurableCall read(ProviderOperation expected, Function<String, Object> property, String payload,
                                   int attempt) {
        String operation = required(property, OPERATION);
        if (!expected.id().equals(operation)) {
            throw new IllegalArgumentException("a " + operation + " message on the queue of " + expected.id());
        }
        CallContext context = new CallContext(required(property, CALLING_SYSTEM), optional(property, OFFICER_ID),
                optional(property, CASE_NUMBER), required(property, MATTER_CODE), required(property, IDEMPOTENCY_KEY),
                required(property, TRACE_ID));
        return new DurableCall(expected, required(property, BUSINESS_KEY), payload == null ? "" : payload, context,
                attempt);
    }

    private static String required(Function<String, Object> property, String name) {
        String value = optional(property, name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the message has no " + name);
        }
        return value;
    }

    private static String optional(Function<String, Object> property, String name) {
        Object value = property.apply(name);
        return value == null ? null : value.toString();
    }
}
