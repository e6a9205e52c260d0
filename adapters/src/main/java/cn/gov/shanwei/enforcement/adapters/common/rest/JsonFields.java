package cn.gov.shanwei.enforcement.adapters.common.rest;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads fields of a provider's JSON answer and refuses anything outside the contract — a missing required field,
 * a wrong type, a value too long, off-pattern or out of range, an unknown enum constant — with a
 * {@link ProviderResponseInvalidException} naming the field. One instance per operation of one provider.
 *
 * @param provider  provider code for the exceptions
 * @param operation operation name for the exceptions
 */
public record JsonFields(String provider, String operation) {

    /** The object at {@code field}. */
    public JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(field + " is required and must be an object");
        }
        return value;
    }

    /** The array at {@code field}, at most {@code maxItems} long. */
    public JsonNode array(JsonNode parent, String field, int maxItems) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(field + " is required and must be an array");
        }
        if (value.size() > maxItems) {
            throw invalid(field + " has " + value.size() + " items, more than the " + maxItems + " allowed");
        }
        return value;
    }

    /** A required non-blank string of at most {@code maxLength} characters. */
    public String text(JsonNode parent, String field, int maxLength) {
        String value = optionalText(parent, field);
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A required string matching {@code pattern} entirely. */
    public String matching(JsonNode parent, String field, Pattern pattern) {
        String value = text(parent, field, 256);
        if (!pattern.matcher(value).matches()) {
            throw invalid(field + " does not match " + pattern.pattern());
        }
        return value;
    }

    /** An optional string ({@code null} when absent or JSON null) of at most {@code maxLength} characters. */
    public String optional(JsonNode parent, String field, int maxLength) {
        String value = optionalText(parent, field);
        if (value != null && value.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A required integer in {@code [min, max]}; fractions and strings are refused. */
    public long integer(JsonNode parent, String field, long min, long max) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field + " is required and must be an integer");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw invalid(field + " = " + number + " is outside [" + min + ", " + max + "]");
        }
        return number;
    }

    /** A required finite number in {@code [min, max]}. */
    public double number(JsonNode parent, String field, double min, double max) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || !value.isNumber()) {
            throw invalid(field + " is required and must be a number");
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number) || number < min || number > max) {
            throw invalid(field + " = " + number + " is outside [" + min + ", " + max + "]");
        }
        return number;
    }

    /** A required constant of {@code type}, matched by name ignoring case. */
    public <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type) {
        String value = text(parent, field, 64);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field + " has the unknown value '" + value + "'");
        }
    }

    /** A required ISO date ({@code 2026-11-27}). */
    public LocalDate date(JsonNode parent, String field) {
        String value = text(parent, field, 10);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO date: " + value);
        }
    }

    /** A required ISO instant ({@code 2026-11-27T08:00:00Z}). */
    public Instant instant(JsonNode parent, String field) {
        String value = text(parent, field, 40);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO instant: " + value);
        }
    }

    /** A failure of this operation's answer. */
    public ProviderResponseInvalidException invalid(String reason) {
        return new ProviderResponseInvalidException(provider, operation, "answer breaks the contract: " + reason,
                null);
    }

    /** The text at {@code field}, or {@code null} when absent, JSON null or not a string. */
    public static String optionalText(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }
}
