package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The procedure log (coercive measures and inspections share one {@code log_position}, ADR 0506) as the supervision
 * platform reads it: decrypted events of both kinds in log order, a little behind the clock ({@link LogFeed}).
 * Both kinds are read up to the same instant, so a position of one kind is never passed while a lower one of the
 * other kind is still to come (ADR 0610).
 */
@Transactional(readOnly = true)
public class ProcedureFeed {

    /** One event of the procedure log with its position. */
    public sealed interface Event {
        /** The position in the procedure log. */
        long position();
    }

    /** An event of a coercive measure (行政强制措施). */
    public record MeasureEntry(long position, CoerciveMeasureEvent event) implements Event {
    }

    /** An event of an inspection (行政检查). */
    public record InspectionEntry(long position, InspectionEvent event) implements Event {
    }

    private final CoerciveMeasureService measures;
    private final InspectionService inspections;
    private final Supplier<Instant> now;

    /**
     * @param now the case platform's clock
     */
    public ProcedureFeed(CoerciveMeasureService measures, InspectionService inspections, Supplier<Instant> now) {
        this.measures = measures;
        this.inspections = inspections;
        this.now = now;
    }

    /**
     * The events after {@code position}, oldest first, at most {@code max} (and at most {@link LogFeed#MAX_BATCH}),
     * recorded at least {@code lag} ago.
     *
     * @throws IllegalArgumentException when {@code max} is below 1 or {@code lag} negative
     */
    public List<Event> after(long position, int max, Duration lag) {
        int batch = LogFeed.batch(max);
        Instant notAfter = LogFeed.notAfter(now.get(), lag);
        // each kind's first `batch` entries hold every entry of the merged first `batch`
        List<Event> merged = new ArrayList<>();
        measures.feed(position, batch, notAfter)
                .forEach(e -> merged.add(new MeasureEntry(e.position(), e.event())));
        inspections.feed(position, batch, notAfter)
                .forEach(e -> merged.add(new InspectionEntry(e.position(), e.event())));
        merged.sort(Comparator.comparingLong(Event::position));
        return List.copyOf(merged.subList(0, Math.min(batch, merged.size())));
    }
}
