package cn.gov.shanwei.enforcement.domain.record;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The append-only, SM3-chained event log of one case (全过程记录、可回溯). Each appended event is linked to the one
 * before it, so that any later edit, removal or insertion is detected by {@link #verify()}; {@link #events()}
 * feeds the aggregate's replay.
 *
 * @param <E> the aggregate's event family (implemented by records)
 */
public final class CaseRecord<E> {

    private final List<E> events = new ArrayList<>();
    private final List<ChainedEntry> entries = new ArrayList<>();

    /** Appends {@code event} as the next link; returns the link. */
    public ChainedEntry append(E event) {
        ChainedEntry link = ChainedEntry.link(entries.size() + 1L, CanonicalForm.of(event), head());
        events.add(event);
        entries.add(link);
        return link;
    }

    /** Appends every event in order. */
    public void appendAll(List<? extends E> newEvents) {
        newEvents.forEach(this::append);
    }

    /** The hash of the last link ({@link ChainedEntry#GENESIS} when empty): anchor it elsewhere to detect truncation. */
    public Sm3 head() {
        return entries.isEmpty() ? ChainedEntry.GENESIS : entries.get(entries.size() - 1).hash();
    }

    /** The events, oldest first. */
    public List<E> events() {
        return List.copyOf(events);
    }

    /** The links, oldest first, for export or storage. */
    public List<ChainedEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Verifies the chain and that every event still has the canonical text its link recorded (so a changed event
     * object is caught as well as a changed stored text).
     */
    public ChainVerification verify() {
        ChainVerification chain = ChainVerification.of(entries);
        for (int i = 0; i < events.size(); i++) {
            if (chain.firstBroken().isPresent() && chain.firstBroken().getAsLong() <= i + 1) {
                return chain;
            }
            if (!CanonicalForm.of(events.get(i)).equals(entries.get(i).canonical())) {
                return new ChainVerification(i + 1, OptionalLong.of(i + 1L), "entry " + (i + 1)
                        + " no longer matches the event it recorded");
            }
        }
        return chain;
    }

    /** A record rebuilt from stored events and links, for verification after loading. */
    public static <E> CaseRecord<E> restore(List<E> events, List<ChainedEntry> entries) {
        if (events.size() != entries.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + entries.size() + " links");
        }
        CaseRecord<E> r = new CaseRecord<>();
        r.events.addAll(events);
        r.entries.addAll(entries);
        return r;
    }
}
