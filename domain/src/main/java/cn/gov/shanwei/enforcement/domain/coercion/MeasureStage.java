package cn.gov.shanwei.enforcement.domain.coercion;

/** Where a coercive measure stands. Testing time is not a stage: a measure under testing keeps its stage. */
public enum MeasureStage {
    AWAITING_APPROVAL("taken in an urgent case, waiting for the head's approval"),
    IN_FORCE("in force"),
    RELEASED("released (解除)"),
    DISPOSED("ended by a decision on the property (处理决定)");

    private final String description;

    MeasureStage(String description) {
        this.description = description;
    }

    /** The stage in an officer's words. */
    public String description() {
        return description;
    }
}
