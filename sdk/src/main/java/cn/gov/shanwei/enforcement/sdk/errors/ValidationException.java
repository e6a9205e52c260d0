package cn.gov.shanwei.enforcement.sdk.errors;

import java.util.List;

/**
 * The request was rejected as invalid: by the hub (HTTP 400 or 422, codes {@code VALIDATION_FAILED} or
 * {@code MALFORMED_REQUEST}), or by the SDK before sending (status {@code 0}, code
 * {@value #CLIENT_SIDE_CODE}). {@link #fieldErrors()} names the fields.
 */
public class ValidationException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Error code used when the SDK rejects a request before sending it. */
    public static final String CLIENT_SIDE_CODE = "VALIDATION_FAILED";

    private final List<FieldError> fieldErrors;

    /**
     * @param status      400 or 422 for the hub's rejections, {@code 0} for the SDK's own
     * @param fieldErrors the rejected fields; may be empty
     */
    public ValidationException(String message, int status, String errorCode, String requestId,
                               List<FieldError> fieldErrors) {
        super(message, status, errorCode, requestId, null);
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** Creates a client-side rejection (status {@code 0}) of the given fields; nothing was sent. */
    public static ValidationException clientSide(List<FieldError> fieldErrors) {
        StringBuilder message = new StringBuilder("Invalid request, not sent:");
        fieldErrors.forEach(e -> message.append(' ').append(e.field()).append(' ').append(e.message()).append(';'));
        message.setLength(message.length() - 1);
        return new ValidationException(message.toString(), 0, CLIENT_SIDE_CODE, null, fieldErrors);
    }

    /** The rejected fields, never {@code null}. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
