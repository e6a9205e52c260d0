package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supervision's read model of coercive measures (行政强制措施), built only from their events; each measure is rebuilt
 * by the domain's own {@link CoerciveMeasure#replay}, so its term and deadlines are the domain's.
 */
public final class MeasureReadModel {

    private final Map<CaseNumber, List<CoerciveMeasureEvent>> events = new ConcurrentHashMap<>();

    /**
     * Applies one event; an event already applied (same id) is ignored.
     *
     * @return whether it changed the model
     * @throws IllegalArgumentException when a measure's first event is not {@code MeasureImposed}
     */
    public synchronized boolean apply(CoerciveMeasureEvent event) {
        List<CoerciveMeasureEvent> own = events.get(event.caseNumber());
        if (own == null) {
            if (!(event instanceof CoerciveMeasureEvent.MeasureImposed)) {
                throw new IllegalArgumentException("a coercive measure starts with MeasureImposed, not "
                        + event.getClass().getSimpleName());
            }
            own = new ArrayList<>();
            events.put(event.caseNumber(), own);
        } else if (own.stream().anyMatch(e -> e.eventId().equals(event.eventId()))) {
            return false;
        }
        own.add(event);
        return true;
    }

    /** Every measure, rebuilt from its events. */
    public synchronized List<CoerciveMeasure> all() {
        return events.values().stream().map(e -> CoerciveMeasure.replay(List.copyOf(e))).toList();
    }

    /** The number of measures known. */
    public int size() {
        return events.size();
    }
}
