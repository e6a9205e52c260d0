package cn.gov.shanwei.enforcement.cases.shared;

/** The domain refused the command (an illegal transition, a missed legal condition): nothing was written. */
public class RuleViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason the domain's reason, in words an officer understands */
    public RuleViolationException(String reason) {
        super(reason);
    }
}
