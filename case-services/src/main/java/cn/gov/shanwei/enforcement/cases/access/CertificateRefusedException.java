package cn.gov.shanwei.enforcement.cases.access;

/**
 * The acting officer's certificate (行政执法证) does not allow the step: it does not cover the domain of the case's
 * matter, is not in force on the day, or is suspended or revoked (行政处罚法 art. 42). A refusal like any other
 * (403), whose reason a client may branch on: the officer, not the case, must change.
 */
public class CertificateRefusedException extends CaseAccessDeniedException {

    private static final long serialVersionUID = 1L;

    /** The problem's {@code reason}, as at sign-on (ADR 0901). */
    public static final String REASON = "CERTIFICATE_NOT_VALID";

    /** @param message why, naming the officer and the certificate */
    public CertificateRefusedException(String message) {
        super(message);
    }
}
