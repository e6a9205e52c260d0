package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Supervision's in-memory read model of every penalty case, built only from the case platform's events (it never
 * writes a case). Applying an event updates that one case's {@link CaseFacts}; listeners hear each change, which
 * is how alerts are pushed as they arise. Safe for concurrent readers; events are applied one at a time.
 */
public final class CaseReadModel {

    /** How many feed entries {@link #catchUp} reads per call to the feed. */
    static final int BATCH = FeedPositions.BATCH;

    private final Map<CaseNumber, Entry> cases = new ConcurrentHashMap<>();
    private final List<Consumer<CaseFacts>> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.BiConsumer<CaseFacts, CaseFacts>> transitions = new CopyOnWriteArrayList<>();
    private volatile long position;

    private record Entry(CaseFacts facts, List<PenaltyCaseEvent> events) { }

    /**
     * Applies one event. An event already applied (same id) is ignored, so a feed may deliver twice.
     *
     * @return whether the event changed the model
     * @throws IllegalArgumentException when the first event of a case is not its registration
     */
    public synchronized boolean apply(PenaltyCaseEvent event) {
        Entry current = cases.get(event.caseNumber());
        Entry next;
        if (current == null) {
            List<PenaltyCaseEvent> events = new ArrayList<>();
            events.add(event);
            next = new Entry(CaseFacts.start(event), events);
        } else {
            if (current.events.stream().anyMatch(e -> e.eventId().equals(event.eventId()))) {
                return false;
            }
            CaseFacts facts = current.facts.with(event);
            current.events.add(event);
            next = new Entry(facts, current.events);
        }
        cases.put(event.caseNumber(), next);
        CaseFacts before = current == null ? null : current.facts;
        transitions.forEach(l -> l.accept(before, next.facts));
        listeners.forEach(l -> l.accept(next.facts));
        return true;
    }

    /**
     * Reads the feed from the last position read until it has nothing new.
     *
     * @return the number of entries read
     */
    public synchronized int catchUp(SupervisedCaseFeed feed) {
        return FeedPositions.catchUp(position, p -> feed.after(p, BATCH), FeedEntry::position,
                e -> apply(e.event()), p -> position = p);
    }

    /** The last feed position read. */
    public long position() {
        return position;
    }

    /** Registers a listener told the new facts of a case after each applied event (on the applying thread). */
    public void onChange(Consumer<CaseFacts> listener) {
        listeners.add(listener);
    }

    /**
     * Registers a listener told each change as (facts before, facts after) — before is {@code null} for a new case —
     * on the applying thread, under the model's lock (incremental indicators).
     */
    public void onTransition(java.util.function.BiConsumer<CaseFacts, CaseFacts> listener) {
        transitions.add(listener);
    }

    /** The facts of every case known. */
    public Collection<CaseFacts> all() {
        return cases.values().stream().map(Entry::facts).toList();
    }

    /** The facts of one case, if known. */
    public Optional<CaseFacts> facts(CaseNumber number) {
        return Optional.ofNullable(cases.get(number)).map(Entry::facts);
    }

    /** The case rebuilt from its events, for its deadlines (the domain's legal clock), if known. */
    public synchronized Optional<PenaltyCase> replay(CaseNumber number) {
        Entry e = cases.get(number);
        return e == null ? Optional.empty() : Optional.of(PenaltyCase.replay(List.copyOf(e.events)));
    }

    /** The number of cases known. */
    public int size() {
        return cases.size();
    }
}
