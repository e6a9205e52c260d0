package cn.gov.shanwei.enforcement.adapters.common;

import java.util.Objects;

/**
 * Root of every failure an adapter reports. Each subclass answers one question a caller must decide on:
 * could the provider not be reached ({@link ProviderTransportException}), did it refuse
 * ({@link ProviderRejectedException}), did it answer outside its contract ({@link ProviderResponseInvalidException}),
 * or did we never send because our own input was wrong ({@link AdapterValidationException})?
 *
 * <p>Only transport failures are {@linkplain #isRetryable() retryable}: the others would fail the same way again.
 */
public abstract class ProviderException extends RuntimeException {

    private final String provider;
    private final String operation;

    /**
     * @param provider  short code of the provincial service, e.g. {@code "licence"}
     * @param operation the operation that failed, e.g. {@code "verify"}
     * @param message   what went wrong, in words an operator understands
     * @param cause     the underlying failure, or {@code null}
     */
    protected ProviderException(String provider, String operation, String message, Throwable cause) {
        super(message, cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** Short code of the provincial service, e.g. {@code "licence"}. */
    public String provider() {
        return provider;
    }

    /** The operation that failed, e.g. {@code "verify"}. */
    public String operation() {
        return operation;
    }

    /** Whether the same call may succeed if sent again later (true only for transport failures). */
    public abstract boolean isRetryable();

    @Override
    public String getMessage() {
        return provider + "." + operation + ": " + super.getMessage();
    }
}
