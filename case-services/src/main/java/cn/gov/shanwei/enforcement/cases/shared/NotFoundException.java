package cn.gov.shanwei.enforcement.cases.shared;

/** An administration record (subject, officer, matter, area) does not exist. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was looked for */
    public NotFoundException(String message) {
        super(message);
    }
}
