package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseDeadlines;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The deadline state of every open case on one day, kept per subject in urgency order, so that "the most urgent open
 * cases" of a jurisdiction costs the first few entries of each of its subjects, not a replay — nor even a scan — of
 * every open case (ADR 0712). A change the read model applies ({@link #apply}) only marks the case pending; its state
 * is computed by the legal clock when first needed (a question about its subject, {@link #stateOf}, or
 * {@link #settle}), so catching up a long feed costs no replay per event. The answers equal those of
 * {@link CaseSupervision#openCases} for the same day and calendar.
 */
public final class OpenCaseBoard {

    /**
     * One open case as the board keeps it.
     *
     * @param number  the case
     * @param subject its subject
     * @param state   the worst state of its running deadlines on the board's day
     * @param nextDue the earliest due day of those deadlines, or {@code null} when none runs
     */
    public record Entry(CaseNumber number, SubjectId subject, DeadlineState state, LocalDate nextDue) {
    }

    /**
     * What a selection found.
     *
     * @param total   open cases in the selection
     * @param byState how many of them are in each state
     * @param first   the most urgent of them, at most as many as asked, most urgent first
     */
    public record Selection(int total, Map<DeadlineState, Integer> byState, List<Entry> first) {
        public Selection {
            byState = Map.copyOf(byState);
            first = List.copyOf(first);
        }
    }

    /** Overdue, due soon, paused, on time; then the earliest next due day (none last); then the case number. */
    static <T> Comparator<T> mostUrgentFirst(Function<T, DeadlineState> state, Function<T, LocalDate> nextDue,
                                             Function<T, CaseNumber> number) {
        return Comparator.comparingInt((T t) -> urgency(state.apply(t)))
                .thenComparing(nextDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(t -> number.apply(t).value());
    }

    /** An entry with its place in that order as one number (then the case number), compared without boxing. */
    private record Ranked(long rank, Entry entry) implements Comparable<Ranked> {
        static Ranked of(Entry e) {
            long due = e.nextDue() == null ? (1L << 40) - 1 : e.nextDue().toEpochDay() + (1L << 39);
            return new Ranked((long) urgency(e.state()) << 40 | due, e);
        }

        @Override
        public int compareTo(Ranked o) {
            int c = Long.compare(rank, o.rank);
            return c != 0 ? c : entry.number().value().compareTo(o.entry.number().value());
        }
    }

    /** One open case's place on the board: pending until computed; a change puts a new slot in its place. */
    private static final class Slot {
        private final CaseNumber number;
        private final SubjectId subject;
        private Ranked ranked;   // guarded by the subject's bucket

        Slot(CaseNumber number, SubjectId subject) {
            this.number = number;
            this.subject = subject;
        }
    }

    /** The open cases of one subject: computed ones in order, with counts per state, and the pending ones. */
    private static final class Bucket {
        private final Map<CaseNumber, Slot> slots = new HashMap<>();
        private final TreeSet<Ranked> ranked = new TreeSet<>();
        private final Set<Slot> pending = new LinkedHashSet<>();
        private final int[] counts = new int[DeadlineState.values().length];
    }

    private final LocalDate day;
    private final CaseDeadlines deadlines;
    private final Map<CaseNumber, Slot> open = new ConcurrentHashMap<>();
    private final Map<SubjectId, Bucket> bySubject = new ConcurrentHashMap<>();

    private OpenCaseBoard(LocalDate day, CaseDeadlines deadlines) {
        this.day = Objects.requireNonNull(day, "day");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    /**
     * The board of {@code cases} on {@code day}, every open case pending ({@link #settle} computes them all).
     *
     * @param deadlines the legal clock over the read model the cases come from
     */
    public static OpenCaseBoard build(Collection<CaseFacts> cases, CaseDeadlines deadlines, LocalDate day) {
        OpenCaseBoard board = new OpenCaseBoard(day, deadlines);
        cases.forEach(board::apply);
        return board;
    }

    /** The day the states hold for. */
    public LocalDate day() {
        return day;
    }

    /** Takes one case's new facts in: pending again while open, dropped when the case is no longer open. */
    public void apply(CaseFacts facts) {
        Bucket bucket = bySubject.computeIfAbsent(facts.subject(), s -> new Bucket());
        synchronized (bucket) {
            Slot old = bucket.slots.remove(facts.number());
            if (old != null) {
                if (old.ranked != null) {
                    bucket.ranked.remove(old.ranked);
                    bucket.counts[old.ranked.entry().state().ordinal()]--;
                } else {
                    bucket.pending.remove(old);
                }
            }
            if (facts.isOpen()) {
                Slot slot = new Slot(facts.number(), facts.subject());
                bucket.slots.put(facts.number(), slot);
                bucket.pending.add(slot);
                open.put(facts.number(), slot);
            } else {
                open.remove(facts.number());
            }
        }
    }

    /** Computes every pending case's state now (ahead of the first question). */
    public void settle() {
        bySubject.values().forEach(this::settle);
    }

    /** The state of an open case on the board's day; empty when the case is not open (or unknown). */
    public Optional<DeadlineState> stateOf(CaseNumber number) {
        Slot slot = open.get(number);
        if (slot == null) {
            return Optional.empty();
        }
        Bucket bucket = bySubject.get(slot.subject);
        synchronized (bucket) {
            if (slot.ranked != null) {
                return Optional.of(slot.ranked.entry().state());
            }
        }
        Ranked r = compute(slot);
        keep(bucket, List.of(slot), List.of(r));
        return Optional.of(r.entry().state());
    }

    /** The number of open cases. */
    public int size() {
        return open.size();
    }

    /** The open cases of {@code subjects}: how many, by state, and the {@code limit} most urgent. */
    public Selection mostUrgent(Collection<SubjectId> subjects, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        int[] counts = new int[DeadlineState.values().length];
        int total = 0;
        List<Ranked> candidates = new ArrayList<>();
        for (SubjectId subject : subjects) {
            Bucket bucket = bySubject.get(subject);
            if (bucket == null) {
                continue;
            }
            while (true) {
                settle(bucket);
                synchronized (bucket) {
                    if (!bucket.pending.isEmpty()) {
                        continue;   // changed meanwhile: compute those too, so the counts are whole
                    }
                    total += bucket.ranked.size();
                    for (DeadlineState s : DeadlineState.values()) {
                        counts[s.ordinal()] += bucket.counts[s.ordinal()];
                    }
                    Iterator<Ranked> it = bucket.ranked.iterator();
                    for (int i = 0; i < limit && it.hasNext(); i++) {
                        candidates.add(it.next());
                    }
                    break;
                }
            }
        }
        candidates.sort(Comparator.naturalOrder());
        List<Entry> first = candidates.stream().limit(limit).map(Ranked::entry).toList();
        Map<DeadlineState, Integer> byState = new EnumMap<>(DeadlineState.class);
        for (DeadlineState s : DeadlineState.values()) {
            if (counts[s.ordinal()] > 0) {
                byState.put(s, counts[s.ordinal()]);
            }
        }
        return new Selection(total, byState, first);
    }

    /** Computes the bucket's pending cases outside its lock (the legal clock takes the read model's lock). */
    private void settle(Bucket bucket) {
        List<Slot> todo;
        synchronized (bucket) {
            todo = List.copyOf(bucket.pending);
        }
        if (todo.isEmpty()) {
            return;
        }
        List<Ranked> done = new ArrayList<>(todo.size());
        todo.forEach(slot -> done.add(compute(slot)));
        keep(bucket, todo, done);
    }

    /** Files computed entries, unless their case changed meanwhile (then a newer slot is pending). */
    private static void keep(Bucket bucket, List<Slot> slots, List<Ranked> computed) {
        synchronized (bucket) {
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                if (slot.ranked == null && bucket.slots.get(slot.number) == slot) {
                    slot.ranked = computed.get(i);
                    bucket.ranked.add(slot.ranked);
                    bucket.counts[slot.ranked.entry().state().ordinal()]++;
                    bucket.pending.remove(slot);
                }
            }
        }
    }

    private Ranked compute(Slot slot) {
        List<Deadline> running = deadlines.of(slot.number, day);
        LocalDate next = running.stream().map(Deadline::dueOn).min(LocalDate::compareTo).orElse(null);
        return Ranked.of(new Entry(slot.number, slot.subject, Deadline.worstStateOn(running, day), next));
    }

    private static int urgency(DeadlineState s) {
        return switch (s) {
            case OVERDUE -> 0;
            case DUE_SOON -> 1;
            case PAUSED -> 2;
            case ON_TIME -> 3;
        };
    }
}
