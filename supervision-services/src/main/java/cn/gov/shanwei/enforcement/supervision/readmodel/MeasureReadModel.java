package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Supervision's read model of coercive measures (行政强制措施), built only from their events; each measure is rebuilt
 * by the domain's own {@link CoerciveMeasure#replay}, so its term and deadlines are the domain's.
 */
public final class MeasureReadModel {

    private final Map<CaseNumber, List<CoerciveMeasureEvent>> events = new ConcurrentHashMap<>();
    private final List<Consumer<CaseNumber>> listeners = new CopyOnWriteArrayList<>();

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
        listeners.forEach(l -> l.accept(event.caseNumber()));
        return true;
    }

    /** Registers a listener told the number of a measure after each applied event (on the applying thread). */
    public void onChange(Consumer<CaseNumber> listener) {
        listeners.add(listener);
    }

    /** One measure rebuilt from its events, if known. */
    public synchronized Optional<CoerciveMeasure> measure(CaseNumber number) {
        List<CoerciveMeasureEvent> own = events.get(number);
        return own == null ? Optional.empty() : Optional.of(CoerciveMeasure.replay(List.copyOf(own)));
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
