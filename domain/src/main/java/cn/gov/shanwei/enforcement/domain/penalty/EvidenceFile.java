package cn.gov.shanwei.enforcement.domain.penalty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The evidence (证据) an aggregate has recorded, and where 粤政图 placed each item (ADR 0513, 0713): one set of rules
 * for a penalty case, a coercive measure and an inspection — an evidence id is recorded once, and located once, only
 * after it was recorded. Each aggregate keeps its own event types ({@code R} is its {@code EvidenceRecorded}) and
 * changes this file only while applying its own events; the refusals are worded for the officer.
 *
 * <p>Not thread-safe, like the aggregate that holds it.
 *
 * @param <R> the aggregate's evidence-recorded event
 */
public final class EvidenceFile<R> {

    private final String owner;
    private final Function<? super R, String> idOf;
    private final List<R> recorded = new ArrayList<>();
    private final Map<String, EvidenceLocation> locations = new HashMap<>();

    /**
     * @param owner how refusals name the aggregate, e.g. "this measure"
     * @param idOf  the evidence id of a recorded event
     */
    public EvidenceFile(String owner, Function<? super R, String> idOf) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
    }

    /** Why evidence {@code evidenceId} may not be recorded (it already is), or empty. */
    public Optional<String> recordingRefusal(String evidenceId) {
        return contains(evidenceId) ? Optional.of("evidence " + evidenceId + " is already recorded")
                : Optional.empty();
    }

    /** Why a place may not be recorded for evidence {@code evidenceId} (none such, or already located), or empty. */
    public Optional<String> locatingRefusal(String evidenceId) {
        if (!contains(evidenceId)) {
            return Optional.of("no evidence " + evidenceId + " in " + owner);
        }
        if (locations.containsKey(evidenceId)) {
            return Optional.of("evidence " + evidenceId + " is already located");
        }
        return Optional.empty();
    }

    /** Applies a recorded evidence item (the aggregate's event). */
    public void add(R evidence) {
        recorded.add(Objects.requireNonNull(evidence, "evidence"));
    }

    /** Applies the place 粤政图 gave evidence {@code evidenceId} (the aggregate's event). */
    public void locate(String evidenceId, EvidenceLocation location) {
        locations.put(evidenceId, location);
    }

    /** Whether no evidence is recorded yet. */
    public boolean isEmpty() {
        return recorded.isEmpty();
    }

    /** The evidence recorded, in order (a copy). */
    public List<R> recorded() {
        return List.copyOf(recorded);
    }

    /** Where 粤政图 placed each located evidence item, by evidence id (a copy). */
    public Map<String, EvidenceLocation> locations() {
        return Map.copyOf(locations);
    }

    private boolean contains(String evidenceId) {
        return recorded.stream().anyMatch(e -> idOf.apply(e).equals(evidenceId));
    }
}
