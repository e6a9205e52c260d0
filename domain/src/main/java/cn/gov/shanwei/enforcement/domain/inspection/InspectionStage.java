package cn.gov.shanwei.enforcement.domain.inspection;

/** Where an inspection stands. */
public enum InspectionStage {
    PLANNED("planned, not yet carried out"),
    INSPECTED("carried out, result pending"),
    RECTIFYING("ordered to rectify, waiting for the follow-up check"),
    NOT_RECTIFIED("not rectified in time"),
    CLOSED("closed"),
    REFERRED("closed with a penalty lead"),
    CANCELLED("cancelled before it was carried out");

    private final String description;

    InspectionStage(String description) {
        this.description = description;
    }

    /** The stage in an officer's words. */
    public String description() {
        return description;
    }
}
