package cn.gov.shanwei.enforcement.app.messagelog;

/** No message log entry at the position asked for (never written, or deleted by retention); answered 404. */
public class MessageLogEntryNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageLogEntryNotFoundException(long seq) {
        super("no message log entry " + seq);
    }
}
