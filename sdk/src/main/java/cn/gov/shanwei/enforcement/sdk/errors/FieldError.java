package cn.gov.shanwei.enforcement.sdk.errors;

import java.util.Objects;

/**
 * One rejected input field.
 *
 * @param field   path of the field in the request body, for example {@code licenceId} or {@code purpose.matterCode}
 * @param message why it was rejected
 */
public record FieldError(String field, String message) {

    /** Validates that both parts are present. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
