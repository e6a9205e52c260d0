package cn.gov.shanwei.enforcement.domain.penalty;

/** Where a penalty case stands. Suspension (中止) is not a stage: a suspended case keeps its stage. */
public enum PenaltyStage {
    LEAD("a registered lead (案源) awaiting the filing decision"),
    FILED("filed (立案) and under investigation"),
    NOTIFIED("notified of the intended penalty (事先告知)"),
    HEARING_REQUESTED("waiting for the hearing notice"),
    HEARING_SCHEDULED("waiting for the hearing"),
    HEARD("heard"),
    DECIDED("decided, waiting for service"),
    SERVED("served, in execution"),
    EXECUTED("executed (fine paid in full)"),
    COURT_ENFORCEMENT("with the court for enforcement"),
    CLOSED("closed (结案)"),
    ARCHIVED("archived (归档)");

    private final String description;

    PenaltyStage(String description) {
        this.description = description;
    }

    /** The stage in an officer's words. */
    public String description() {
        return description;
    }
}
