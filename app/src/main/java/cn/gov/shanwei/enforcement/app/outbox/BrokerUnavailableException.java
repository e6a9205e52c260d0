package cn.gov.shanwei.enforcement.app.outbox;

import java.time.Duration;

/**
 * The broker could not be asked which messages it holds (ADR 0412): it did not answer, refused the connection, or
 * refused the question (no {@code manage} permission on {@code activemq.management}). Nothing of the operation it was
 * asked about was sent again; ops try again later. The ops API answers 503 {@code BROKER_UNAVAILABLE}.
 */
public class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** When to ask again: the broker's management answers within seconds once it is back. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final transient String operation;
    private final int resentBefore;

    BrokerUnavailableException(String operation, int resentBefore, Exception cause) {
        super("Cannot ask the broker which messages of " + operation + " it holds"
                + (resentBefore == 0 ? "; nothing was sent"
                : "; " + resentBefore + " rows were sent again before it stopped answering, no other")
                + ": " + describe(cause), cause);
        this.operation = operation;
        this.resentBefore = resentBefore;
    }

    /** The operation whose messages the broker was asked about. */
    public String operation() {
        return operation;
    }

    /** Rows this call sent again before the broker stopped answering (in practice 0). */
    public int resentBefore() {
        return resentBefore;
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
