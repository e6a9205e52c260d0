package cn.gov.shanwei.enforcement.supervision.readmodel;

import java.util.Objects;

/**
 * Follows the case platform's procedure log ({@link SupervisedProcedureFeed}) into the read models of coercive
 * measures and inspections: each entry goes to the model of its kind, in log order. An event delivered again (same
 * id) changes nothing; a feed that goes back to a position already read is refused.
 */
public final class ProcedureReadModels {

    private final MeasureReadModel measures;
    private final InspectionReadModel inspections;
    private volatile long position;

    public ProcedureReadModels(MeasureReadModel measures, InspectionReadModel inspections) {
        this.measures = Objects.requireNonNull(measures, "measures");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
    }

    /**
     * Reads the feed from the last position read until it has nothing new.
     *
     * @return the number of entries read
     * @throws IllegalStateException    when the feed goes back to or before the last position read
     * @throws IllegalArgumentException when a measure or an inspection does not start with its first event (the
     *                                  position stays before that entry)
     */
    public synchronized int catchUp(SupervisedProcedureFeed feed) {
        return FeedPositions.catchUp(position, p -> feed.after(p, FeedPositions.BATCH), ProcedureFeedEntry::position,
                this::apply, p -> position = p);
    }

    private void apply(ProcedureFeedEntry entry) {
        if (entry instanceof ProcedureFeedEntry.Measure m) {
            measures.apply(m.event());
        } else if (entry instanceof ProcedureFeedEntry.Inspection i) {
            inspections.apply(i.event());
        }
    }

    /** The last feed position read. */
    public long position() {
        return position;
    }

    /** The coercive measures' read model. */
    public MeasureReadModel measures() {
        return measures;
    }

    /** The inspections' read model. */
    public InspectionReadModel inspections() {
        return inspections;
    }
}
