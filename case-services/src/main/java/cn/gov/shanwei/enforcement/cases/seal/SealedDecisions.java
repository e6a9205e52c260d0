package cn.gov.shanwei.enforcement.cases.seal;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The case side of a sealed decision document: no officer acts, the seal service's signature verified by the hub is
 * the authority. Runs in the caller's transaction, so the stored sealed document and the case's
 * {@code DecisionSealed} event are committed together or not at all.
 */
public class SealedDecisions {

    private final PenaltyCaseStore store;
    private final PenaltyContext ctx;

    public SealedDecisions(PenaltyCaseStore store, PenaltyContext ctx) {
        this.store = Objects.requireNonNull(store, "store");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Records that the document of {@code decisionNumber} was sealed and verified; a second record of the same
     * document changes nothing.
     *
     * @return empty when recorded (or already recorded); otherwise why the case refused it (nothing written)
     */
    public Optional<String> record(UUID caseId, String subjectId, String decisionNumber, Sm3 documentDigest,
                                   String sealId, String verification) {
        Optional<LoadedCase> found = store.loadForUpdate(caseId, new CaseScope.OwnSubject(subjectId));
        if (found.isEmpty()) {
            return Optional.of("no case " + caseId + " of subject " + subjectId);
        }
        LoadedCase loaded = found.get();
        boolean already = loaded.record().events().stream().anyMatch(e -> e instanceof PenaltyCaseEvent.DecisionSealed s
                && s.documentDigest().equals(documentDigest));
        if (already) {
            return Optional.empty();
        }
        Outcome<PenaltyCaseEvent> outcome = loaded.aggregate().recordDecisionSealed(ctx, decisionNumber,
                documentDigest, sealId, verification);
        if (!outcome.isAccepted()) {
            return Optional.of(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        return Optional.empty();
    }

    /** The number of the case's current decision, if it has one. */
    public static Optional<String> currentDecision(List<PenaltyCaseEvent> events) {
        String number = null;
        for (PenaltyCaseEvent e : events) {
            if (e instanceof PenaltyCaseEvent.PenaltyDecided d) {
                number = d.decisionNumber();
            } else if (e instanceof PenaltyCaseEvent.SanctionsDecided d) {
                number = d.decisionNumber();
            }
        }
        return Optional.ofNullable(number);
    }

    /** Whether the case's current decision has been sealed and verified (a {@code DecisionSealed} after it). */
    public static boolean currentDecisionSealed(List<PenaltyCaseEvent> events) {
        boolean sealed = false;
        for (PenaltyCaseEvent e : events) {
            if (e instanceof PenaltyCaseEvent.PenaltyDecided || e instanceof PenaltyCaseEvent.SanctionsDecided) {
                sealed = false;
            } else if (e instanceof PenaltyCaseEvent.DecisionSealed) {
                sealed = true;
            }
        }
        return sealed;
    }
}
