package cn.gov.shanwei.enforcement.supervision.review;

/** A review step that its current state does not allow (e.g. scoring twice); the API answers 409. */
public class ReviewStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why, in a supervisor's words */
    public ReviewStateException(String message) {
        super(message);
    }
}
