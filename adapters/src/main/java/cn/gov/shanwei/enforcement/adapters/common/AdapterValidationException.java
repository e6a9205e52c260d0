package cn.gov.shanwei.enforcement.adapters.common;

import java.util.Objects;

/** Our own input failed the adapter's checks, so nothing was sent. Not retryable: the caller must fix the input. */
public class AdapterValidationException extends ProviderException {

    private final String field;

    /**
     * @param field  the name of the offending input field, e.g. {@code "licenceId"}
     * @param reason why it was refused, e.g. {@code "is required"}
     */
    public AdapterValidationException(String provider, String operation, String field, String reason) {
        super(provider, operation, field + " " + reason, null);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the offending input field. */
    public String field() {
        return field;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
