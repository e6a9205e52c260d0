package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceLocationEntity;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The case side of a durable location request's answer (ADR 0513): no officer acts, 粤政图's answer to what was given
 * at upload is the authority. Runs in the caller's transaction, so the case's {@code EvidenceLocated} event and the
 * evidence's location row are committed together or not at all; an answer recorded before changes nothing.
 */
public class LocatedEvidence {

    /** Where the answer for evidence of another procedure (a coercive measure, an inspection) is recorded. */
    @FunctionalInterface
    public interface OtherProcedure {
        /** As {@link LocatedEvidence#record(UUID, String, String, EvidenceLocation)}, for that procedure. */
        Optional<String> record(UUID id, String subjectId, String evidenceId, EvidenceLocation location);
    }

    private final PenaltyCaseStore store;
    private final PenaltyContext ctx;
    private final Map<String, OtherProcedure> others;

    public LocatedEvidence(PenaltyCaseStore store, PenaltyContext ctx) {
        this(store, ctx, Map.of());
    }

    /** @param others the other procedures whose evidence is placed, by name ({@code COERCIVE_MEASURE}, …) */
    public LocatedEvidence(PenaltyCaseStore store, PenaltyContext ctx, Map<String, OtherProcedure> others) {
        this.store = Objects.requireNonNull(store, "store");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.others = Map.copyOf(others);
    }

    /**
     * Records where the map placed evidence {@code evidenceId} of {@code procedure} {@code id} (null: a penalty case).
     *
     * @return empty when recorded (or recorded before); otherwise why it was refused (nothing written)
     */
    public Optional<String> record(String procedure, UUID id, String subjectId, String evidenceId,
                                   EvidenceLocation location) {
        if (procedure == null) {
            return record(id, subjectId, evidenceId, location);
        }
        OtherProcedure other = others.get(procedure);
        return other == null ? Optional.of("no procedure " + procedure + " places evidence here")
                : other.record(id, subjectId, evidenceId, location);
    }

    /**
     * Records where the map placed evidence {@code evidenceId} of case {@code caseId}.
     *
     * @return empty when recorded (or recorded before); otherwise why the case refused it (nothing written)
     */
    public Optional<String> record(UUID caseId, String subjectId, String evidenceId, EvidenceLocation location) {
        Optional<LoadedCase> found = store.loadForUpdate(caseId, new CaseScope.OwnSubject(subjectId));
        if (found.isEmpty()) {
            return Optional.of("no case " + caseId + " of subject " + subjectId);
        }
        LoadedCase loaded = found.get();
        if (loaded.aggregate().evidenceLocations().containsKey(evidenceId)) {
            return Optional.empty();
        }
        Outcome<PenaltyCaseEvent> outcome = loaded.aggregate().recordEvidenceLocation(ctx, evidenceId, location);
        if (!outcome.isAccepted()) {
            return Optional.of(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        Optional<EvidenceLocationEntity> row = store.evidenceLocation(caseId, evidenceId);
        if (row.isPresent()) {
            row.get().answered(location);
        } else {
            EvidenceLocationEntity created = EvidenceLocationEntity.pending(caseId, evidenceId,
                    location.givenAddress(), location.givenPosition(), ctx.now());
            created.answered(location);
            store.storeEvidenceLocation(created);
        }
        return Optional.empty();
    }
}
