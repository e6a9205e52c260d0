package cn.gov.shanwei.enforcement.routes.messagelog;

/**
 * The port through which the hub keeps its tamper-evident message log of provincial exchanges (issue 6, modelled on
 * X-Road's message log): a gateway or durable handler hands over what it sent and what came back, and the
 * application stores the digests in an SM3 hash chain and the bodies, where policy keeps them, SM4-encrypted.
 *
 * <p>Implementations must not throw: a failure to log is reported by the implementation (log and metric) and never
 * changes the outcome of the provincial call, which has already happened.
 */
@FunctionalInterface
public interface MessageLog {

    /** A log that keeps nothing, for routes built without an application (unit tests, tools). */
    MessageLog NONE = exchange -> {
    };

    /** Appends one provincial exchange to the log. */
    void append(LoggedExchange exchange);

    /**
     * Appends an exchange of a synchronous call whose monitoring record is written right after: the entry may be
     * committed together with the hub's next book-keeping write (that record) instead of in a commit of its own, and
     * at the latest shortly after. By default the same as {@link #append}.
     */
    default void appendWithNextCommit(LoggedExchange exchange) {
        append(exchange);
    }
}
