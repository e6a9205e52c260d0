package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;

import java.util.Objects;

/**
 * One event of the case platform's procedure log (行政强制措施 and 行政检查 share it) with its position in that log:
 * either a coercive measure's event or an inspection's.
 */
public sealed interface ProcedureFeedEntry {

    /** The strictly increasing position in the procedure log (1 for the first event). */
    long position();

    /** A coercive measure's event. */
    record Measure(long position, CoerciveMeasureEvent event) implements ProcedureFeedEntry {
        public Measure {
            FeedPositions.check(position);
            Objects.requireNonNull(event, "event");
        }
    }

    /** An inspection's event. */
    record Inspection(long position, InspectionEvent event) implements ProcedureFeedEntry {
        public Inspection {
            FeedPositions.check(position);
            Objects.requireNonNull(event, "event");
        }
    }
}
