package cn.gov.shanwei.enforcement.adapters.identity;

import java.util.Objects;

/**
 * A personal or organisational identifier failed its local check (format, date, check character). Thrown before
 * anything is sent; the message never repeats the full identifier, only what was wrong with it.
 */
public class IdentifierFormatException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /**
     * @param field  the identifier's name, e.g. {@code "idNumber"}
     * @param reason what is wrong, e.g. {@code "check digit does not match (GB 11643)"}
     */
    public IdentifierFormatException(String field, String reason) {
        super(field + " " + reason);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The identifier's name. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }

    /** Whether {@code check} completes without an {@link IdentifierFormatException}. */
    static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IdentifierFormatException e) {
            return false;
        }
    }
}
