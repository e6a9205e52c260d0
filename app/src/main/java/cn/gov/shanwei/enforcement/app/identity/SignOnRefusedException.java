package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.app.web.ErrorCode;

/**
 * A sign-on the hub refuses, with the stable error code of the answer and a reason a member of staff understands.
 * Nothing of the refused sign-on stays usable: the provider session, if one was opened, has been ended.
 */
public class SignOnRefusedException extends RuntimeException {

    /** Why, in one word clients may branch on (the problem's {@code reason}). */
    public enum Reason {
        /** State missing, unknown, used, expired, or not this browser's. */
        STATE_INVALID,
        /** The provider refused the code or ticket (unknown, used, expired). */
        CODE_REFUSED,
        /** The staff directory (执法人员库) has no officer record for the user. */
        NOT_AN_OFFICER,
        /** The officer's certificate is suspended, revoked or outside its validity. */
        CERTIFICATE_NOT_VALID,
        /** The hub's registry has no officer linked to the user. */
        NOT_REGISTERED
    }

    private final ErrorCode code;
    private final Reason reason;

    /**
     * @param code   the problem's error code
     * @param reason why
     * @param detail the explanation shown to staff
     */
    public SignOnRefusedException(ErrorCode code, Reason reason, String detail) {
        super(detail);
        this.code = code;
        this.reason = reason;
    }

    /** The problem's error code. */
    public ErrorCode code() {
        return code;
    }

    /** Why the sign-on was refused. */
    public Reason reason() {
        return reason;
    }
}
