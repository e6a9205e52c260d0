package cn.gov.shanwei.enforcement.cases.admin.application;

/**
 * A provincial library answered something a sync cannot take as the library's content (e.g. the 执法人员库 with no
 * officer at all, or more pages than any library has); the sync changed nothing.
 */
public class UnusableLibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnusableLibraryException(String message) {
        super(message);
    }
}
