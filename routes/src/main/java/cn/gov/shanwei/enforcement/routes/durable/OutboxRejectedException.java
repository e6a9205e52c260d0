package cn.gov.shanwei.enforcement.routes.durable;

/** {@link Outbox#enqueue} refused its input; nothing was written. */
public class OutboxRejectedException extends RuntimeException {

    private final String field;

    public OutboxRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending argument, e.g. {@code businessKey}. */
    public String field() {
        return field;
    }
}
