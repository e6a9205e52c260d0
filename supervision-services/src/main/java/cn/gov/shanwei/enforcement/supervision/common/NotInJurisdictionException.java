package cn.gov.shanwei.enforcement.supervision.common;

/**
 * Nothing of that name in the supervisor's jurisdiction: it does not exist, or belongs to a jurisdiction the
 * supervisor may not see (the two are not told apart). The API answers 404.
 */
public class NotInJurisdictionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was not found, e.g. "no case X in your jurisdiction" */
    public NotInJurisdictionException(String message) {
        super(message);
    }
}
