package cn.gov.shanwei.enforcement.app.ops;

/** No message with that idempotency key is in the operation's dead-letter queue (or no such operation exists). */
public class DeadLetterNotFoundException extends RuntimeException {

    public DeadLetterNotFoundException(String message) {
        super(message);
    }
}
