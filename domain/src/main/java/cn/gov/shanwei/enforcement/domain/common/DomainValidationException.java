package cn.gov.shanwei.enforcement.domain.common;

import java.util.Objects;

/**
 * A value given to the domain is not acceptable. Carries the name of the field at fault so that an API can
 * answer "which field, and why" without parsing messages.
 */
public final class DomainValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DomainValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the offending field, as the caller knows it (e.g. {@code licenceId}). */
    public String field() {
        return field;
    }

    /** The reason alone, without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
