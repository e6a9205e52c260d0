package cn.gov.shanwei.enforcement.cases.access;

/**
 * The actor may not see or do this. The message never says whether a case exists outside the actor's jurisdiction:
 * an unknown id and a foreign id get the same answer.
 */
public class CaseAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused, naming only what the actor sent */
    public CaseAccessDeniedException(String message) {
        super(message);
    }

    /** The one answer for a case that is unknown or outside the actor's jurisdiction. */
    public static CaseAccessDeniedException caseNotVisible(Object caseId) {
        return new CaseAccessDeniedException("Case " + caseId + " does not exist in your jurisdiction");
    }

    /** The answer for a missing role. */
    public static CaseAccessDeniedException roleRequired(StaffRole role, String action) {
        return new CaseAccessDeniedException("Only a member of staff with the role " + role + " may " + action);
    }
}
