package cn.gov.shanwei.enforcement.adapters.common;

import java.util.Objects;

/** Our own input failed the adapter's checks, so nothing was sent. Not retryable: the caller must fix the input. */
public class AdapterValidationException extends ProviderException {

    private final String field;
    private final String reason;

    /**
     * @param field  the name of the offending input field, e.g. {@code "licenceId"}
     * @param reason why it was refused, e.g. {@code "is required"}
     */
    public AdapterValidationException(String provider, String operation, String field, String reason) {
        super(provider, operation, field + " " + reason, null);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = reason;
    }

    /** The name of the offending input field. */
    public String field() {
        return field;
    }

    /** Why the field was refused, without the field's name (e.g. {@code "is required"}). */
    public String reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
